using System.Collections;
using System.Text.Json;

namespace DockerApi.Serialization;

/// <summary>
/// The kept members of one object as a read-only dictionary over the one JSON object they were copied into: no
/// document, no entries and no name strings until they are first asked for, then made once (a write looks at them for
/// every property). Most objects read are never written back nor asked for what they kept, so most never parse it. A
/// name sent twice is enumerated twice, as sent (and written back so); a lookup finds the last, as a dictionary's
/// assignment would have kept.
/// </summary>
/// <param name="json">The members as one JSON object, written by <see cref="KeptMembers"/> from what the reader checked.</param>
internal sealed class KeptMemberView(byte[] json) : IReadOnlyDictionary<string, JsonElement>
{
    // Two threads may both make them; either is right, and the one stored stays.
    private KeyValuePair<string, JsonElement>[]? _entries;

    private KeyValuePair<string, JsonElement>[] Entries => _entries ??= Parse(json);

    private static KeyValuePair<string, JsonElement>[] Parse(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        return [.. JsonElement.ParseValue(ref reader).EnumerateObject().Select(member => KeyValuePair.Create(member.Name, member.Value))];
    }

    public JsonElement this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No member '{key}' was kept.");

    public IEnumerable<string> Keys => Entries.Select(entry => entry.Key);

    public IEnumerable<JsonElement> Values => Entries.Select(entry => entry.Value);

    public int Count => Entries.Length;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out JsonElement value)
    {
        var entries = Entries;
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            if (entries[i].Key == key)
            {
                value = entries[i].Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, JsonElement>>)Entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
