using System.Text.Json.Serialization;

namespace DockerApi;

/// <summary>The few values the high-level client writes or reads as JSON itself, reflection-free (native AOT).</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class HighLevelJson : JsonSerializerContext;
