using System.Text.Json;
using DockerApi.Configuration;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Configuration;

/// <summary>A temporary home with a docker config folder, and an environment that sees only the variables a test sets.</summary>
internal sealed class ConfigFolder : IDisposable
{
    public ConfigFolder() => Directory.CreateDirectory(DockerDirectory);

    public string Home { get; } = Directory.CreateTempSubdirectory("dockerapi-home-").FullName;

    public string DockerDirectory => Path.Combine(Home, ".docker");

    public Dictionary<string, string> Variables { get; } = new();

    public DockerEnvironment Environment => new(name => name == "HOME" ? Home : Variables.GetValueOrDefault(name));

    public void WriteConfig(string json) => File.WriteAllText(Path.Combine(DockerDirectory, "config.json"), json);

    /// <summary>A context as `docker context create` stores it; with TLS files when <paramref name="tlsFrom"/> has ca/cert/key.</summary>
    public void WriteContext(string name, string host, bool skipVerify = false, string? tlsFrom = null)
    {
        var digest = DockerContexts.Digest(name);
        var meta = Path.Combine(DockerDirectory, "contexts", "meta", digest);
        Directory.CreateDirectory(meta);
        File.WriteAllText(Path.Combine(meta, "meta.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Name"] = name,
            ["Metadata"] = new Dictionary<string, string> { ["Description"] = "the " + name + " engine" },
            ["Endpoints"] = new Dictionary<string, object> { ["docker"] = new Dictionary<string, object> { ["Host"] = host, ["SkipTLSVerify"] = skipVerify } },
        }));
        if (tlsFrom is null)
            return;
        var tls = Path.Combine(DockerDirectory, "contexts", "tls", digest, "docker");
        Directory.CreateDirectory(tls);
        foreach (var file in new[] { "ca.pem", "cert.pem", "key.pem" })
            File.Copy(Path.Combine(tlsFrom, file), Path.Combine(tls, file));
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
