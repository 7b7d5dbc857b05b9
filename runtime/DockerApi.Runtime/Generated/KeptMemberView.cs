using System.Collections;
using System.Text.Json;

namespace DockerApi.Generated;

/// <summary>
/// The kept members of one object as a read-only dictionary over the one document they were copied into: no entry
/// array and no name strings until they are asked for. A name sent twice is enumerated twice, as sent (and written
/// back so); a lookup finds the last, as a dictionary's assignment would have kept.
/// </summary>
internal sealed class KeptMemberView(JsonElement members) : IReadOnlyDictionary<string, JsonElement>
{
    public JsonElement this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No member '{key}' was kept.");

    public IEnumerable<string> Keys => this.Select(member => member.Key);

    public IEnumerable<JsonElement> Values => this.Select(member => member.Value);

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var _ in members.EnumerateObject())
                count++;
            return count;
        }
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out JsonElement value)
    {
        var found = false;
        value = default;
        foreach (var member in members.EnumerateObject())
        {
            if (member.NameEquals(key))
            {
                value = member.Value;
                found = true;
            }
        }
        return found;
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator()
    {
        foreach (var member in members.EnumerateObject())
            yield return new(member.Name, member.Value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
