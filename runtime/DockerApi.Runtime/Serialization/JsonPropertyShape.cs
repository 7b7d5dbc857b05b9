using System.ComponentModel;

namespace DockerApi.Serialization;

/// <summary>One property of a generated type: its wire name, how its value is read and written, and whether it is required.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct JsonPropertyShape(string Name, JsonValue Value, bool Required = false);
