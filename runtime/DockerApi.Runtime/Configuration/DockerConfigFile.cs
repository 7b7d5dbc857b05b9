using System.Text.Json;

namespace DockerApi.Configuration;

/// <summary>The parts of the docker CLI's <c>config.json</c> a client uses: the current context and registry credentials.</summary>
internal sealed class DockerConfigFile
{
    private DockerConfigFile(string path, JsonElement root) => (Path, Root) = (path, root);

    public string Path { get; }

    private JsonElement Root { get; }

    /// <summary>The file of <paramref name="environment"/>, or an empty one when there is none.</summary>
    /// <exception cref="DockerConfigException">It exists but cannot be read, or is not a JSON object.</exception>
    public static DockerConfigFile Load(DockerEnvironment environment)
    {
        var path = System.IO.Path.Combine(environment.ConfigDirectory, "config.json");
        return new DockerConfigFile(path, JsonFile.ReadObject(path) ?? default);
    }

    /// <summary><c>currentContext</c>, or null.</summary>
    public string? CurrentContext => String(Root, "currentContext");

    /// <summary><c>credsStore</c>: the helper for every registry without its own, or null.</summary>
    public string? CredentialsStore => String(Root, "credsStore") is { Length: > 0 } store ? store : null; // "" is none, as for the docker CLI

    /// <summary>The helper <c>credHelpers</c> names for <paramref name="registry"/>, or null.</summary>
    public string? CredentialHelper(string registry) =>
        Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty("credHelpers", out var helpers) && String(helpers, registry) is { Length: > 0 } helper ? helper : null;

    /// <summary>The <c>auths</c> entry of <paramref name="registry"/>, or null.</summary>
    public JsonElement? Auth(string registry) =>
        Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty("auths", out var auths) && auths.ValueKind == JsonValueKind.Object
            && auths.TryGetProperty(registry, out var entry) && entry.ValueKind == JsonValueKind.Object
            ? entry
            : null;

    /// <summary>Sets <c>auths[registry]</c> in the file, keeping everything else in it; creates the file when there is none.</summary>
    /// <exception cref="DockerConfigException">The file cannot be written.</exception>
    public void SetAuth(string registry, System.Text.Json.Nodes.JsonObject entry)
    {
        var root = Root.ValueKind == JsonValueKind.Object
            ? System.Text.Json.Nodes.JsonObject.Create(Root) ?? new System.Text.Json.Nodes.JsonObject()
            : new System.Text.Json.Nodes.JsonObject();
        if (root["auths"] is not System.Text.Json.Nodes.JsonObject auths)
            root["auths"] = auths = new System.Text.Json.Nodes.JsonObject();
        auths[registry] = entry;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using (var file = File.Create(Path))
            using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
                root.WriteTo(writer);
            // As the docker CLI: credentials are for the user's eyes only.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DockerConfigException($"the file cannot be written: {e.Message}", Path, e);
        }
    }

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>Reads the small JSON files of the docker CLI; a bad one is a <see cref="DockerConfigException"/> naming it.</summary>
internal static class JsonFile
{
    /// <summary>The file's object; null when the file does not exist.</summary>
    public static JsonElement? ReadObject(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new DockerConfigException("the file is not a JSON object", path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DockerConfigException($"the file cannot be read: {e.Message}", path, e);
        }
        catch (JsonException e)
        {
            throw new DockerConfigException($"the file is not valid JSON (line {e.LineNumber + 1})", path, e);
        }
    }
}
