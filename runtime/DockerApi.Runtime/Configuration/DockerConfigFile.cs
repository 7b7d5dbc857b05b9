using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApi.Transport;

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

    /// <summary>
    /// Sets <c>auths[registry]</c> in the file of <paramref name="environment"/>, keeping everything else in it, as the
    /// docker CLI writes it: under an advisory lock (<c>config.json.lock</c>) the file is read again, the change made,
    /// and the whole written to a new file in the same folder, created 0600, flushed to disk and renamed over the old
    /// one. A write that fails leaves the old file as it was.
    /// </summary>
    /// <exception cref="DockerConfigException">The file is bad, or cannot be locked or written.</exception>
    public static async Task SetAuthAsync(DockerEnvironment environment, string registry, JsonObject entry, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(environment.ConfigDirectory, "config.json");
        var target = ConfigFileWriter.Resolve(path);
        await using var held = await ConfigFileWriter.LockAsync(target, cancellationToken).ConfigureAwait(false);
        var root = JsonFile.ReadObject(target) is { } existing ? JsonNodes.LastWins(existing) : new JsonObject();
        if (root["auths"] is not JsonObject auths)
            root["auths"] = auths = new JsonObject();
        auths[registry] = entry;
        ConfigFileWriter.Replace(target, root);
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
