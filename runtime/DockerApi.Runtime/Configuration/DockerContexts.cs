using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DockerApi.Transport;

namespace DockerApi.Configuration;

/// <summary>One docker context of the CLI's store: its name and the daemon endpoint it names.</summary>
/// <param name="Name">The context's name.</param>
/// <param name="Endpoint">Its docker endpoint, with its TLS material when the store has some.</param>
/// <param name="Description">Its description, or an empty string.</param>
public sealed record DockerContext(string Name, DockerEndpoint Endpoint, string Description);

/// <summary>
/// The docker CLI's context store, read as the CLI writes it: <c>contexts/meta/&lt;sha256 of the name&gt;/meta.json</c>
/// for the endpoint, <c>contexts/tls/&lt;sha256&gt;/docker/{ca,cert,key}.pem</c> for its TLS material.
/// </summary>
public static class DockerContexts
{
    /// <summary>The context that means "the environment and the default socket": it has no entry in the store.</summary>
    public const string DefaultName = "default";

    /// <summary>Every context of the store of <paramref name="environment"/> (the process's by default), by name.</summary>
    /// <exception cref="DockerConfigException">A context's meta.json or TLS file cannot be used.</exception>
    public static IReadOnlyList<DockerContext> List(DockerEnvironment? environment = null)
    {
        var meta = Path.Combine((environment ?? DockerEnvironment.Current).ConfigDirectory, "contexts", "meta");
        if (!Directory.Exists(meta))
            return [];
        return Directory.GetDirectories(meta)
            .Select(folder => Read(Path.GetFileName(folder), environment ?? DockerEnvironment.Current))
            .OfType<DockerContext>()
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The context named <paramref name="name"/>.</summary>
    /// <exception cref="DockerConfigException">There is no such context (the message lists the known ones), or it cannot be used.</exception>
    public static DockerContext Get(string name, DockerEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        environment ??= DockerEnvironment.Current;
        if (Read(Digest(name), environment) is { } context)
            return context;
        var known = new[] { DefaultName }.Concat(KnownNames(environment).Order(StringComparer.Ordinal));
        throw new DockerConfigException($"there is no docker context '{name}'; the known ones are: {string.Join(", ", known)}",
            MetaFile(environment, Digest(name)));
    }

    /// <summary>
    /// The names in the store, for the message about a name that is not there: a context that cannot be read is left
    /// out here (its own lookup says what is wrong with it), so that it does not hide the answer "no such context".
    /// </summary>
    private static IEnumerable<string> KnownNames(DockerEnvironment environment)
    {
        var meta = Path.Combine(environment.ConfigDirectory, "contexts", "meta");
        foreach (var folder in Directory.Exists(meta) ? Directory.GetDirectories(meta) : [])
        {
            string? name;
            try
            {
                name = Read(Path.GetFileName(folder), environment)?.Name;
            }
            catch (DockerConfigException)
            {
                continue;
            }
            if (name is not null)
                yield return name;
        }
    }

    private static string MetaFile(DockerEnvironment environment, string digest) =>
        Path.Combine(environment.ConfigDirectory, "contexts", "meta", digest, "meta.json");

    /// <summary>The folder of a context in the store: the hex SHA-256 of its name.</summary>
    internal static string Digest(string name) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant();

    /// <summary>The context stored in the folder <paramref name="digest"/>, or null when it has no meta.json.</summary>
    private static DockerContext? Read(string digest, DockerEnvironment environment)
    {
        var path = MetaFile(environment, digest);
        if (JsonFile.ReadObject(path) is not { } root)
            return null;
        var name = DockerConfigFile.String(root, "Name") ?? throw new DockerConfigException("the context has no Name", path);
        // The store finds a context by the digest of its name: a Name of another digest would take another context's TLS files.
        if (Digest(name) != digest)
            throw new DockerConfigException($"the context's Name '{name}' is not the one its folder is for", path);
        if (!root.TryGetProperty("Endpoints", out var endpoints) || endpoints.ValueKind != JsonValueKind.Object
            || !endpoints.TryGetProperty("docker", out var docker) || DockerConfigFile.String(docker, "Host") is not { } host)
            throw new DockerConfigException($"the context '{name}' has no docker endpoint (Endpoints.docker.Host)", path);
        if (!DockerEndpoint.TryParse(host, out var endpoint))
            throw new DockerConfigException($"the context '{name}' names '{DockerEndpoint.Redact(host)}', which is not a Docker endpoint", path);
        var skipVerify = docker.TryGetProperty("SkipTLSVerify", out var skip) && skip.ValueKind == JsonValueKind.True;
        var tlsFolder = Path.Combine(environment.ConfigDirectory, "contexts", "tls", digest, "docker");
        if (endpoint.AcceptsTls && (Directory.Exists(tlsFolder) || skipVerify || endpoint.Tls is not null))
            endpoint = endpoint.WithTls(Directory.Exists(tlsFolder) ? DockerTls.FromDirectory(tlsFolder, !skipVerify) : new DockerTls(verify: !skipVerify));
        var description = root.TryGetProperty("Metadata", out var metadata) ? DockerConfigFile.String(metadata, "Description") ?? "" : "";
        return new DockerContext(name, endpoint, description);
    }
}
