using System.Text.Json.Serialization;

namespace DockerApi;

/// <summary>The few values the high-level client writes as JSON itself, reflection-free (native AOT).</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class HighLevelJson : JsonSerializerContext;
