using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace DockerApi.Serialization;

/// <summary>A converter made of a generated read and write method; generated JSON contexts build their type infos on it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DockerJsonConverter<T>(JsonRead<T> read, JsonWrite<T> write) : JsonConverter<T>
{
    /// <summary>A converter that reads and writes with <paramref name="value"/>.</summary>
    internal DockerJsonConverter(JsonValue<T> value)
        : this(value.Read, value.Write)
    {
    }

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => read(ref reader, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value, options);
}
