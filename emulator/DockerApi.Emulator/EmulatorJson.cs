using System.Text.Json.Serialization;

namespace DockerApi.Emulator;

/// <summary>Source-generated JSON for the few values the emulator deserializes (no reflection).</summary>
[JsonSerializable(typeof(List<string>), TypeInfoPropertyName = "ListString")]
internal sealed partial class EmulatorJson : JsonSerializerContext;
