using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockerApi.Cli.Engines;

/// <summary><c>docker inspect NAME</c> with either client: the container of that name, else the image, as indented JSON.</summary>
internal static class Inspect
{
    public static async Task<string> ContainerElseImageAsync<TContainer, TImage>(Func<Task<TContainer>> container, JsonTypeInfo<TContainer> containerInfo,
        Func<Task<TImage>> image, JsonTypeInfo<TImage> imageInfo)
    {
        try
        {
            return Indented(await container(), containerInfo);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return Indented(await image(), imageInfo);
        }
    }

    /// <summary>A value as indented JSON, with the generated (reflection-free) type info.</summary>
    private static string Indented<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            JsonSerializer.Serialize(writer, value, typeInfo);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
