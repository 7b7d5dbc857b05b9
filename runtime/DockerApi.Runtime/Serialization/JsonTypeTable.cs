using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockerApi.Serialization;

/// <summary>
/// The root types of a generated JSON context and their metadata for its options: a context lists one value per
/// type and has one line per type, and a type is found with one dictionary lookup. It used to have a field, a
/// property, a factory and a branch of one long method per type, all compiled — and analyzed — in a consumer's build.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonTypeTable
{
    private readonly JsonValue[] _values;
    private readonly JsonTypeInfo?[] _infos;
    private readonly Dictionary<Type, int> _indexes;
    private readonly JsonSerializerOptions _options;

    /// <summary>A table of <paramref name="values"/>, whose metadata for <paramref name="options"/> is made once.</summary>
    /// <remarks>Where two values have the same runtime type (a type and its nullable form), the first is found by type.</remarks>
    public JsonTypeTable(JsonValue[] values, JsonSerializerOptions options)
    {
        _values = values;
        _options = options;
        _infos = new JsonTypeInfo?[values.Length];
        _indexes = new Dictionary<Type, int>(values.Length);
        for (var index = 0; index < values.Length; index++)
            _indexes.TryAdd(values[index].Type, index);
    }

    /// <summary>The metadata of the value at <paramref name="index"/>, a <typeparamref name="T"/>, for the table's options.</summary>
    public JsonTypeInfo<T> Get<T>(int index) => (JsonTypeInfo<T>)Own(index);

    /// <summary>
    /// The metadata of <paramref name="type"/> for <paramref name="options"/> — the table's own when they are its
    /// options, new otherwise — or null when the table has no such type.
    /// </summary>
    public JsonTypeInfo? Find(Type type, JsonSerializerOptions options)
    {
        if (!_indexes.TryGetValue(type, out var index))
            return null;
        return ReferenceEquals(options, _options) ? Own(index) : _values[index].CreateTypeInfo(options);
    }

    // Two threads may both make one; either is right, and the one stored stays.
    private JsonTypeInfo Own(int index) => _infos[index] ??= _values[index].CreateTypeInfo(_options);
}
