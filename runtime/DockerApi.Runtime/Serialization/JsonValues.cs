using System.ComponentModel;
using System.Text.Json;

namespace DockerApi.Serialization;

/// <summary>The <see cref="JsonValue{T}"/>s generated property tables are made of: the JSON primitives and their combinations.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValues
{
    /// <summary>A string that may not be null.</summary>
    public static JsonValue<string> String { get; } = new(DockerJson.ReadRequiredString, DockerJson.WriteString);

    /// <summary>A boolean.</summary>
    public static JsonValue<bool> Boolean { get; } = new(DockerJson.ReadBoolean, DockerJson.WriteBoolean);

    /// <summary>A 32-bit integer.</summary>
    public static JsonValue<int> Int32 { get; } = new(DockerJson.ReadInt32, DockerJson.WriteInt32);

    /// <summary>A 64-bit integer.</summary>
    public static JsonValue<long> Int64 { get; } = new(DockerJson.ReadInt64, DockerJson.WriteInt64);

    /// <summary>An unsigned 32-bit integer.</summary>
    public static JsonValue<uint> UInt32 { get; } = new(DockerJson.ReadUInt32, DockerJson.WriteUInt32);

    /// <summary>An unsigned 64-bit integer.</summary>
    public static JsonValue<ulong> UInt64 { get; } = new(DockerJson.ReadUInt64, DockerJson.WriteUInt64);

    /// <summary>A number.</summary>
    public static JsonValue<double> Double { get; } = new(DockerJson.ReadDouble, DockerJson.WriteDouble);

    /// <summary>An RFC 3339 time to the nanosecond.</summary>
    public static JsonValue<DockerTimestamp> Timestamp { get; } = new(DockerJson.ReadTimestamp, DockerJson.WriteTimestamp);

    /// <summary>Any JSON value, kept as it is.</summary>
    public static JsonValue<JsonElement> Element { get; } = new(DockerJson.ReadElement, DockerJson.WriteElement);

    /// <summary><c>{}</c>.</summary>
    public static JsonValue<EmptyObject> EmptyObject { get; } = new(Serialization.EmptyObject.Read, Serialization.EmptyObject.Write);

    /// <summary>A JSON array; <c>null</c> reads as an empty list (Go's nil slice).</summary>
    public static JsonValue<IReadOnlyList<T>> List<T>(JsonValue<T> item) => new(
        (ref Utf8JsonReader reader, JsonSerializerOptions options) => DockerJson.ReadListOrEmpty(ref reader, options, item.Read),
        (writer, value, options) => DockerJson.WriteList(writer, value, options, item.Write),
        static list => list.Count == 0);

    /// <summary>A JSON array or one bare item (<c>type: [array, string]</c>); <c>null</c> reads as an empty list.</summary>
    public static JsonValue<IReadOnlyList<T>> ListOrSingle<T>(JsonValue<T> item) => new(
        (ref Utf8JsonReader reader, JsonSerializerOptions options) => DockerJson.ReadListOrSingle(ref reader, options, item.Read) ?? [],
        (writer, value, options) => DockerJson.WriteList(writer, value, options, item.Write),
        static list => list.Count == 0);

    /// <summary>A JSON object read as a map; <c>null</c> reads as an empty map (Go's nil map).</summary>
    public static JsonValue<IReadOnlyDictionary<string, T>> Map<T>(JsonValue<T> item) => new(
        (ref Utf8JsonReader reader, JsonSerializerOptions options) => DockerJson.ReadMapOrEmpty(ref reader, options, item.Read),
        (writer, value, options) => DockerJson.WriteMap(writer, value, options, item.Write),
        static map => map.Count == 0);

    /// <summary>A value type that may also be <c>null</c>.</summary>
    public static JsonValue<T?> Nullable<T>(JsonValue<T> value)
        where T : struct => new(
        (ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.TokenType == JsonTokenType.Null ? null : value.Read(ref reader, options),
        (writer, item, options) =>
        {
            if (item.HasValue)
                value.Write(writer, item.Value, options);
            else
                writer.WriteNullValue();
        });

    /// <summary>A reference type that may also be <c>null</c>.</summary>
    public static JsonValue<T?> NullableReference<T>(JsonValue<T> value)
        where T : class => new(
        (ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.TokenType == JsonTokenType.Null ? null : value.Read(ref reader, options),
        (writer, item, options) =>
        {
            if (item is not null)
                value.Write(writer, item, options);
            else
                writer.WriteNullValue();
        });
}
