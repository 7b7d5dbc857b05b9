using System.Text.Json;


namespace DockerApi.Serialization;

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
