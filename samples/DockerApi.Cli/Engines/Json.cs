using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockerApi.Cli.Engines;

internal static class Json
{
    /// <summary>A value as indented JSON, with the generated (reflection-free) type info.</summary>
    public static string Indented<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            JsonSerializer.Serialize(writer, value, typeInfo);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
