using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerApi.Serialization;

/// <summary>A converter made of a generated read and write method; generated JSON contexts build their type infos on it.</summary>
public sealed class DockerJsonConverter<T>(JsonRead<T> read, JsonWrite<T> write) : JsonConverter<T>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => read(ref reader, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value, options);
}

/// <summary>An object the daemon sends or expects as <c>{}</c>, such as the values of a <c>Volumes</c> map.</summary>
public sealed record EmptyObject
{
    /// <summary>The one instance.</summary>
    public static EmptyObject Instance { get; } = new();

    /// <summary>Reads <c>{…}</c>, ignoring any content.</summary>
    public static EmptyObject Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        DockerJson.ExpectObject(ref reader, nameof(EmptyObject));
        reader.Skip();
        return Instance;
    }

    /// <summary>Writes <c>{}</c>.</summary>
    public static void Write(Utf8JsonWriter writer, EmptyObject value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }
}
