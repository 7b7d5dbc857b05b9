using System.Buffers;
using System.ComponentModel;
using System.Text.Json;

namespace DockerApi.Serialization;

/// <summary>Builds a generated type from its property values, in table order, and what its properties would lose.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonObjectFactory<T>(object?[] values, IReadOnlyDictionary<string, JsonElement>? extensionData);

/// <summary>
/// Reads and writes the JSON objects of one generated type from its table of properties: the one loop every
/// generated type's <c>Read</c> and <c>Write</c> go through, so that a consumer compiles a table and three one-line
/// members per type instead of a reader and a writer of its own.
/// </summary>
/// <remarks>
/// Values travel boxed, in the order of the table. Unknown members, nulls and names spelled otherwise are kept as
/// extension data when <c>keepsUnknownMembers</c> (a read-modify-write keeps what a newer daemon sent); messages of a
/// stream, never written back, skip them.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonObjectShape
{
    private readonly string _typeName;
    private readonly bool _ignoreCase;
    private readonly bool _keepsUnknownMembers;
    private readonly JsonValue[] _values;
    private readonly JsonEncodedText[] _encoded;
    private readonly JsonPropertyNames _names;
    private readonly int[] _required;

    /// <summary>The shape of <paramref name="typeName"/>.</summary>
    public JsonObjectShape(string typeName, bool ignoreCase, bool keepsUnknownMembers, JsonPropertyShape[] properties)
    {
        _typeName = typeName;
        _ignoreCase = ignoreCase;
        _keepsUnknownMembers = keepsUnknownMembers;
        _values = Array.ConvertAll(properties, p => p.Value);
        _encoded = Array.ConvertAll(properties, p => JsonEncodedText.Encode(p.Name));
        _required = [.. Enumerable.Range(0, properties.Length).Where(i => properties[i].Required)];
        _names = new JsonPropertyNames(Array.ConvertAll(properties, p => p.Name)) { Required = _required };
    }

    /// <summary>
    /// Reads an object and builds it with <paramref name="create"/>, from its property values in table order (null
    /// where absent) and what the properties would lose. The values array is lent for the call only.
    /// </summary>
    public T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonObjectFactory<T> create)
    {
        // Lent, not allocated: a message of a stream or an item of a list costs its object, not an array as well.
        var values = _values.Length == 0 ? [] : ArrayPool<object?>.Shared.Rent(_values.Length);
        var kept = ReadValues(ref reader, options, values);
        var result = create(values, kept);
        if (values.Length > 0)
        {
            values.AsSpan(0, _values.Length).Clear();
            ArrayPool<object?>.Shared.Return(values);
        }
        return result;
    }

    private IReadOnlyDictionary<string, JsonElement>? ReadValues(ref Utf8JsonReader reader, JsonSerializerOptions options, object?[] values)
    {
        DockerJson.ExpectObject(ref reader, _typeName);
        Span<bool> seen = _required.Length == 0 ? default : stackalloc bool[_values.Length];
        KeptMembers? kept = null;
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = _keepsUnknownMembers
                ? DockerJson.FindValue(ref reader, _names, _ignoreCase, expected, ref kept)
                : DockerJson.FindValue(ref reader, _names, _ignoreCase, expected);
            if (index < 0)
                continue;
            expected = index + 1;
            var required = !seen.IsEmpty && _names.IsRequired(index);
            try
            {
                // An optional property's null is null; a required one reads its null itself (and refuses it unless it may be nil).
                values[index] = reader.TokenType == JsonTokenType.Null && !required ? null : _values[index].ReadBoxed(ref reader, options);
            }
            catch (JsonException e)
            {
                // The path of a bad value ($.State.Running) is built on the way out: one converter reads the whole answer, so STJ only knows "$".
                throw DockerJson.InProperty(e, _names, index);
            }
            if (required)
                seen[index] = true;
        }
        foreach (var index in _required)
        {
            if (!seen[index])
                throw DockerJson.MissingProperty(_typeName, _names.Names[index]);
        }
        return kept?.Complete();
    }

    /// <summary>Writes an object from its property values in table order; null values are left out (or written as the null they were read as).</summary>
    public void Write(Utf8JsonWriter writer, JsonSerializerOptions options, IReadOnlyDictionary<string, JsonElement>? extensionData, object?[] values)
    {
        writer.WriteStartObject();
        for (var index = 0; index < _values.Length; index++)
        {
            var value = values[index];
            if (!_keepsUnknownMembers)
            {
                if (value is null)
                    continue;
                writer.WritePropertyName(_encoded[index]);
            }
            else
            {
                // Nulls where the daemon sent null (a required list or map that was Go's nil included), names as they were read.
                if (value is null || _names.IsRequired(index) && _values[index].IsEmpty(value))
                {
                    if (DockerJson.WriteAsRead(writer, extensionData, _names, index) || value is null)
                        continue;
                }
                if (DockerJson.KeptName(extensionData, _names, index) is { } name)
                    writer.WritePropertyName(name);
                else
                    writer.WritePropertyName(_encoded[index]);
            }
            _values[index].WriteBoxed(writer, value, options);
        }
        if (_keepsUnknownMembers)
            DockerJson.WriteExtensionData(writer, extensionData, _names);
        writer.WriteEndObject();
    }
}
