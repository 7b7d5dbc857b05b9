using System.Text;
using System.Text.Json;

namespace DockerApi.Requests;

/// <summary>
/// The <c>filters</c> of Docker's list, prune and events calls (<c>{"label":["app=web"],"status":["exited"]}</c>), built
/// from names and values instead of written as JSON, or read from the docker CLI's <c>--filter name=value</c> form.
/// <see cref="ToString"/> is the JSON the generated clients' <c>filters</c> parameter takes.
/// </summary>
/// <example>
/// <code>
/// var filters = new DockerFilters().Add("label", "app=web").Add("status", "running");
/// var list = await client.Containers.ListAsync(filters: filters.ToString());
/// var same = DockerFilters.Parse(["label=app=web", "status=running"]);
/// </code>
/// </example>
public sealed class DockerFilters
{
    private readonly SortedDictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    /// <summary>Whether no filter was added: the calls then take no <c>filters</c> at all.</summary>
    public bool IsEmpty => _values.Count == 0;

    /// <summary>The names and their values, in name order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values =>
        _values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value.AsReadOnly(), StringComparer.Ordinal);

    /// <summary>Adds <paramref name="value"/> to the filter <paramref name="name"/> (several values of one name: any of them matches).</summary>
    /// <exception cref="ArgumentException">The name is empty or not a word of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</exception>
    public DockerFilters Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ArgumentException($"'{name}' is not a filter name such as label, status or dangling.", nameof(name));
        if (!_values.TryGetValue(name, out var values))
            _values[name] = values = [];
        if (!values.Contains(value, StringComparer.Ordinal))
            values.Add(value);
        return this;
    }

    /// <summary>Filters in the docker CLI's form, <c>name=value</c> each (<c>label=app=web</c>: the name is what comes before the first <c>=</c>).</summary>
    /// <exception cref="FormatException">An entry has no <c>=</c>; the message quotes it.</exception>
    public static DockerFilters Parse(IEnumerable<string> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var result = new DockerFilters();
        foreach (var filter in filters)
        {
            var equals = filter.IndexOf('=');
            if (equals <= 0)
                throw new FormatException($"'{filter}' is not a filter: the docker CLI's form is name=value, as in label=app=web or status=exited.");
            result.Add(filter[..equals], filter[(equals + 1)..]);
        }
        return result;
    }

    /// <summary>The JSON Docker reads: an object of arrays of strings; <c>{}</c> when empty.</summary>
    public override string ToString()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, values) in _values)
            {
                writer.WriteStartArray(name);
                foreach (var value in values)
                    writer.WriteStringValue(value);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
