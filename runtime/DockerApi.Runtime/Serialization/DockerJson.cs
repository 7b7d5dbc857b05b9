using System.Buffers;
using System.ComponentModel;
using System.Text.Json;
using System.Text;

namespace DockerApi.Serialization;

/// <summary>Reads one JSON value; the shape of the read methods generated clients emit for each type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonRead<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>Writes one JSON value.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonWrite<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options);

/// <summary>
/// The JSON primitives generated serializers are made of: no reflection, so generated clients are trim- and
/// AOT-safe. Every read raises <see cref="JsonException"/> with the JSON path when a value has the wrong type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DockerJson
{
    /// <summary>The index in <paramref name="names"/> of the property name the reader is on, or -1. Exact matches first, then ASCII case-insensitive ones when <paramref name="ignoreCase"/>.</summary>
    public static int FindProperty(ref Utf8JsonReader reader, JsonPropertyNames names, bool ignoreCase) => Find(ref reader, names, ignoreCase, out _);

    private static int Find(ref Utf8JsonReader reader, JsonPropertyNames names, bool ignoreCase, out bool exact, int expected = 0)
    {
        var all = names.Utf8;
        exact = true;
        // The daemon writes a struct's fields in their order, which is the table's: the one after the last found comes first.
        if ((uint)expected < (uint)all.Length && reader.ValueTextEquals(all[expected]))
            return expected;
        for (var i = 0; i < all.Length; i++)
        {
            if (reader.ValueTextEquals(all[i]))
                return i;
        }
        exact = false;
        if (!ignoreCase)
            return -1;
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> name;
            if (!reader.HasValueSequence && !reader.ValueIsEscaped)
            {
                name = reader.ValueSpan;
            }
            else
            {
                var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                rented = ArrayPool<byte>.Shared.Rent(length);
                name = rented.AsSpan(0, reader.CopyString(rented));
            }
            for (var i = 0; i < all.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(name, all[i]))
                    return i;
            }
            return -1;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Finds the property the reader is on (a name) and moves to its value: the property's index, or -1 for a member
    /// no property takes, whose value is skipped (messages of a stream, never written back). The property at
    /// <paramref name="expected"/> is compared first.
    /// </summary>
    internal static int FindValue(ref Utf8JsonReader reader, JsonPropertyNames names, bool ignoreCase, int expected)
    {
        var index = Find(ref reader, names, ignoreCase, out _, expected);
        reader.Read();
        if (index < 0)
            reader.Skip();
        return index;
    }

    /// <summary>
    /// <see cref="FindValue(ref Utf8JsonReader, JsonPropertyNames, bool, int)"/>, keeping in <paramref name="kept"/> what
    /// the type's properties would lose: a member none of them takes, a property sent as <c>null</c> (absent and null
    /// differ on the wire; Go sends nil lists and maps as null), and the spelling of a name matched without case.
    /// Returns -1 when the member is read (unknown, or an optional null), else the property's index with the reader
    /// on the value.
    /// </summary>
    internal static int FindValue(ref Utf8JsonReader reader, JsonPropertyNames names, bool ignoreCase, int expected, ref KeptMembers? kept)
    {
        var index = Find(ref reader, names, ignoreCase, out var exact, expected);
        if (index < 0)
        {
            (kept ??= KeptMembers.Rent()).Add(ref reader);
            return -1;
        }
        if (!exact)
        {
            // Kept with its value under the name as sent, for the writer; the property reads the value as well.
            var copy = reader;
            (kept ??= KeptMembers.Rent()).Add(ref copy);
        }
        reader.Read();
        if (reader.TokenType != JsonTokenType.Null)
            return index;
        if (exact)
            (kept ??= KeptMembers.Rent()).AddNull(names.Utf8[index]);
        // A required property reads its null itself (and refuses it unless a list or map may be nil).
        return names.IsRequired(index) ? index : -1;
    }

    /// <summary>The name a property was read under when it differs from the spec's, else null.</summary>
    internal static string? KeptName(IReadOnlyDictionary<string, JsonElement>? extensionData, JsonPropertyNames names, int index)
    {
        if (extensionData is not null)
        {
            foreach (var kept in extensionData.Keys)
            {
                if (names.Matches(kept) == index)
                    return kept;
            }
        }
        return null;
    }

    /// <summary>
    /// For a property that is null (or an empty list or map that may have been Go's nil): writes the <c>null</c>
    /// it was read as, under the name it was sent with, and returns true; else writes nothing.
    /// </summary>
    internal static bool WriteAsRead(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? extensionData, JsonPropertyNames names, int index)
    {
        if (extensionData is null)
            return false;
        foreach (var (name, value) in extensionData)
        {
            if (value.ValueKind == JsonValueKind.Null && names.Matches(name) == index)
            {
                writer.WriteNull(name);
                return true;
            }
        }
        return false;
    }

    /// <summary>Writes the kept members that no property of <paramref name="names"/> takes (a newer API's fields), as they were read.</summary>
    internal static void WriteExtensionData(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? extensionData, JsonPropertyNames names)
    {
        if (extensionData is null)
            return;
        foreach (var (name, value) in extensionData)
        {
            if (names.Matches(name) >= 0)
                continue;
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    /// <summary>Checks that the reader is on the start of an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"Expected a JSON object for {typeName}, found {reader.TokenType}.");
    }

    /// <summary>Moves to a property's value and skips it.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>A JSON string, or null for JSON null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw WrongType(reader, "a string"),
        };

    /// <summary>A JSON string that may not be null.</summary>
    public static string ReadRequiredString(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        ReadString(ref reader, options) ?? throw new JsonException("Expected a string, found null.");

    /// <summary>A JSON boolean.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw WrongType(reader, "a boolean"),
        };

    /// <summary>A JSON number as <see cref="int"/>.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw WrongType(reader, "a 32-bit integer");

    /// <summary>A JSON number as <see cref="long"/>.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw WrongType(reader, "a 64-bit integer");

    /// <summary>A JSON number as <see cref="uint"/>.</summary>
    public static uint ReadUInt32(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out var value) ? value : throw WrongType(reader, "an unsigned 32-bit integer");

    /// <summary>A JSON number as <see cref="ulong"/>.</summary>
    public static ulong ReadUInt64(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var value) ? value : throw WrongType(reader, "an unsigned 64-bit integer");

    /// <summary>A JSON number as <see cref="double"/>.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw WrongType(reader, "a number");

    /// <summary>
    /// An RFC 3339 time. Go writes up to 9 fractional digits; .NET keeps 7 (100 ns ticks), so the last two are
    /// dropped rather than refused.
    /// </summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw WrongType(reader, "a date-time string");
        if (reader.TryGetDateTimeOffset(out var value))
            return value;
        var text = reader.GetString()!;
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out value)
            ? value
            : throw new JsonException($"'{text}' is not an RFC 3339 date-time.");
    }

    /// <summary>An RFC 3339 time to the nanosecond, with its offset (<see cref="DockerTimestamp"/>).</summary>
    public static DockerTimestamp ReadTimestamp(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw WrongType(reader, "a date-time string");
        var text = reader.GetString()!;
        return DockerTimestamp.TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not an RFC 3339 date-time.");
    }

    /// <summary>Any JSON value, kept as it is.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

    /// <summary>A JSON array, or null for JSON null.</summary>
    public static IReadOnlyList<T>? ReadList<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonRead<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw WrongType(reader, "an array");
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(readItem(ref reader, options));
            }
            catch (JsonException e)
            {
                throw Within(e, $"[{list.Count}]");
            }
        }
        return list;
    }

    /// <summary>
    /// A JSON array, or one bare item read as a list of one, or null for JSON null: the schema <c>type: [array, string]</c>
    /// (Cmd and Entrypoint of API 1.25 – 1.30, which the daemon takes as either).
    /// </summary>
    public static IReadOnlyList<T>? ReadListOrSingle<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonRead<T> readItem) =>
        reader.TokenType is JsonTokenType.StartArray or JsonTokenType.Null ? ReadList(ref reader, options, readItem) : [readItem(ref reader, options)];

    /// <summary>
    /// A JSON array read as a list, empty for JSON null: the daemon is written in Go, which writes a nil slice as
    /// null whatever the spec says, and a nil slice is an empty one.
    /// </summary>
    public static IReadOnlyList<T> ReadListOrEmpty<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonRead<T> readItem) =>
        ReadList(ref reader, options, readItem) ?? [];

    /// <summary>A JSON object read as a map, empty for JSON null (a Go nil map, see <see cref="ReadListOrEmpty"/>).</summary>
    public static IReadOnlyDictionary<string, T> ReadMapOrEmpty<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonRead<T> readValue) =>
        ReadMap(ref reader, options, readValue) ?? new Dictionary<string, T>(StringComparer.Ordinal);

    /// <summary>A JSON object read as a map, or null for JSON null.</summary>
    public static IReadOnlyDictionary<string, T>? ReadMap<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonRead<T> readValue)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw WrongType(reader, "an object");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            try
            {
                map[key] = readValue(ref reader, options);
            }
            catch (JsonException e)
            {
                throw Within(e, "." + key);
            }
        }
        return map;
    }

    /// <summary>Writes a string.</summary>
    public static void WriteString(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Writes a boolean.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);

    /// <summary>Writes an <see cref="int"/>.</summary>
    public static void WriteInt32(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes a <see cref="long"/>.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes a <see cref="uint"/>.</summary>
    public static void WriteUInt32(Utf8JsonWriter writer, uint value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes a <see cref="ulong"/>.</summary>
    public static void WriteUInt64(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes a <see cref="double"/>.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes a time in RFC 3339.</summary>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Writes a time as Go does (RFC 3339, nanoseconds without trailing zeros, the offset it was read with).</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, DockerTimestamp value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

    /// <summary>Writes a JSON value kept as it was.</summary>
    public static void WriteElement(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    /// <summary>Writes an array.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options, JsonWrite<T> writeItem)
    {
        writer.WriteStartArray();
        foreach (var item in value)
            writeItem(writer, item, options);
        writer.WriteEndArray();
    }

    /// <summary>Writes a map as an object.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options, JsonWrite<T> writeValue)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in value)
        {
            writer.WritePropertyName(key);
            writeValue(writer, item, options);
        }
        writer.WriteEndObject();
    }

    /// <summary>The error for a required property the daemon did not send.</summary>
    public static JsonException MissingProperty(string typeName, string wireName) =>
        new($"The JSON object for {typeName} lacks the required property '{wireName}'.");

    /// <summary>
    /// The error <paramref name="e"/> of a property's value, with the property put in front of its path
    /// (<c>$.Running</c> inside <c>State</c> becomes <c>$.State.Running</c>) and the path at the end of its message.
    /// </summary>
    public static JsonException InProperty(JsonException e, JsonPropertyNames names, int index) =>
        Within(e, "." + (index >= 0 && index < names.Names.Length ? names.Names[index] : "?"));

    private static JsonException Within(JsonException e, string segment)
    {
        var inner = e is PathException p ? p.Path!.Substring(1) : "";
        var message = e is PathException { Detail: var detail } ? detail : e.Message;
        return new PathException(message, "$" + segment + inner, e);
    }

    /// <summary>A value error whose path is known; the message ends with it.</summary>
    private sealed class PathException(string detail, string path, JsonException inner)
        : JsonException($"{detail} Path: {path}.", path, null, null, inner.InnerException ?? inner)
    {
        public string Detail { get; } = detail;
    }

    private static JsonException WrongType(Utf8JsonReader reader, string expected) =>
        new($"Expected {expected}, found {reader.TokenType} at byte {reader.TokenStartIndex}.");
}

/// <summary>The UTF-8 wire names of a type's properties, in the order generated readers switch on.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonPropertyNames(params string[] names)
{
    private readonly HashSet<int> _required = [];

    internal byte[][] Utf8 { get; } = Array.ConvertAll(names, Encoding.UTF8.GetBytes);

    internal string[] Names { get; } = names;

    /// <summary>The indexes of required properties: their readers take a <c>null</c> themselves (and refuse it unless it is allowed).</summary>
    internal IReadOnlyCollection<int> Required
    {
        get => _required;
        init => _required = [.. value];
    }

    internal bool IsRequired(int index) => _required.Contains(index);

    /// <summary>The property a kept member's name belongs to, as the reader matched it (exact, then without case), or -1.</summary>
    internal int Matches(string name) =>
        _exact.Value.TryGetValue(name, out var index) || _withoutCase.Value.TryGetValue(name, out index) ? index : -1;

    // Built when a kept member is first written: the writer asks for every property of an object that has some.
    private readonly Lazy<Dictionary<string, int>> _exact = new(() => Index(names, StringComparer.Ordinal));
    private readonly Lazy<Dictionary<string, int>> _withoutCase = new(() => Index(names, StringComparer.OrdinalIgnoreCase));

    private static Dictionary<string, int> Index(string[] names, StringComparer comparer)
    {
        var index = new Dictionary<string, int>(comparer);
        for (var i = 0; i < names.Length; i++)
            index.TryAdd(names[i], i); // the first of two names equal without case, as FindProperty takes it
        return index;
    }
}
