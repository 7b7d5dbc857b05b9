using DockerApi.Configuration;
using DockerApi.Runtime.Tests.Transport.Tls;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Configuration;

/// <summary>The docker CLI's order: --host, --context, DOCKER_HOST, DOCKER_CONTEXT, the current context, the default socket, probed sockets.</summary>
public sealed class DockerEndpointResolverTests(TestCertificates certificates) : IClassFixture<TestCertificates>, IDisposable
{
    private readonly ConfigFolder _folder = new();

    private string CertFolder()
    {
        var folder = Path.Combine(_folder.Home, "certs");
        Directory.CreateDirectory(folder);
        foreach (var (from, to) in new[] { ("ca.pem", "ca.pem"), ("cert.pem", "cert.pem"), ("key.pem", "key.pem") })
            File.Copy(certificates.Path(from), Path.Combine(folder, to), overwrite: true);
        return folder;
    }

    [Fact]
    public void Each_source_wins_over_the_ones_after_it()
    {
        _folder.WriteContext("current", "tcp://10.0.0.1:2375");
        _folder.WriteContext("named", "tcp://10.0.0.2:2375");
        _folder.WriteContext("flag", "tcp://10.0.0.3:2375");
        _folder.WriteConfig("""{"currentContext":"current"}""");
        var env = _folder.Environment;

        Assert.Equal(("tcp://10.0.0.1:2375", "current"), Resolve(env));
        _folder.Variables["DOCKER_CONTEXT"] = "named";
        Assert.Equal(("tcp://10.0.0.2:2375", "named"), Resolve(env));
        _folder.Variables["DOCKER_HOST"] = "tcp://10.0.0.4:2375";
        Assert.Equal(("tcp://10.0.0.4:2375", null), Resolve(env));
        Assert.Equal(("tcp://10.0.0.3:2375", "flag"), Resolve(env, context: "flag"));
        Assert.Equal(("tcp://10.0.0.5:2375", null), Resolve(env, host: "tcp://10.0.0.5:2375"));
        Assert.Equal("DOCKER_HOST", DockerEndpointResolver.Resolve(environment: env).Source);
        Assert.Throws<DockerConfigException>(() => DockerEndpointResolver.Resolve("tcp://a:1", "flag", environment: env));
    }

    private static (string, string?) Resolve(DockerEnvironment env, string? host = null, string? context = null)
    {
        var resolved = DockerEndpointResolver.Resolve(host, context, environment: env);
        return (resolved.Endpoint.ToString(), resolved.Context);
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_and_DOCKER_CERT_PATH_secure_a_tcp_host()
    {
        _folder.Variables["DOCKER_HOST"] = "tcp://127.0.0.1:2376";
        _folder.Variables["DOCKER_TLS_VERIFY"] = "1";
        _folder.Variables["DOCKER_CERT_PATH"] = CertFolder();

        var tls = DockerEndpointResolver.Resolve(environment: _folder.Environment).Endpoint.Tls!;

        Assert.True(tls.Verify);
        Assert.Equal(Path.Combine(_folder.Variables["DOCKER_CERT_PATH"], "ca.pem"), tls.CaCertificatePath);
        Assert.Equal(Path.Combine(_folder.Variables["DOCKER_CERT_PATH"], "key.pem"), tls.ClientKeyPath);
        _folder.Variables["DOCKER_CERT_PATH"] = Path.Combine(_folder.Home, "nowhere");
        var error = Assert.Throws<DockerConfigException>(() => DockerEndpointResolver.Resolve(environment: _folder.Environment));
        Assert.Equal(Path.Combine(_folder.Home, "nowhere"), error.Origin);
    }

    [Fact]
    public void A_context_brings_its_TLS_files_and_SkipTLSVerify()
    {
        _folder.WriteContext("secure", "tcp://127.0.0.1:2376", tlsFrom: CertFolder());
        _folder.WriteContext("lax", "tcp://127.0.0.1:2377", skipVerify: true);

        var secure = DockerContexts.Get("secure", _folder.Environment).Endpoint.Tls!;
        var lax = DockerContexts.Get("lax", _folder.Environment).Endpoint.Tls!;

        Assert.True(secure.Verify);
        Assert.EndsWith(Path.Combine("contexts", "tls", DockerContexts.Digest("secure"), "docker", "cert.pem"), secure.ClientCertificatePath);
        Assert.False(lax.Verify);
        Assert.Equal(["lax", "secure"], DockerContexts.List(_folder.Environment).Select(c => c.Name));
    }

    [Fact]
    public void An_unknown_context_lists_the_known_ones()
    {
        _folder.WriteContext("one", "tcp://10.0.0.1:2375");
        _folder.WriteContext("two", "ssh://me@host");

        var error = Assert.Throws<DockerConfigException>(() => DockerEndpointResolver.Resolve(context: "three", environment: _folder.Environment));

        Assert.Contains("there is no docker context 'three'; the known ones are: default, one, two", error.Message);
    }

    [Theory]
    [InlineData("config.json", "{ not json")]
    [InlineData("config.json", "[1, 2]")]
    [InlineData("meta.json", "{\"Name\":\"broken\"}")]
    [InlineData("meta.json", "{\"Name\":\"broken\",\"Endpoints\":{\"docker\":{\"Host\":\"ftp://x\"}}}")]
    public void A_malformed_config_or_context_file_is_an_error_naming_the_file(string file, string text)
    {
        string path;
        if (file == "config.json")
        {
            path = Path.Combine(_folder.DockerDirectory, "config.json");
            _folder.WriteConfig(text);
        }
        else
        {
            _folder.WriteContext("broken", "tcp://10.0.0.1:2375");
            path = Path.Combine(_folder.DockerDirectory, "contexts", "meta", DockerContexts.Digest("broken"), "meta.json");
            File.WriteAllText(path, text);
            _folder.Variables["DOCKER_CONTEXT"] = "broken";
        }

        var error = Assert.Throws<DockerConfigException>(() => DockerEndpointResolver.Resolve(environment: _folder.Environment));

        Assert.Equal(path, error.Origin);
    }

    [SkippableFact]
    public void Without_the_default_socket_the_sockets_users_have_are_probed_and_named()
    {
        Skip.If(File.Exists("/var/run/docker.sock") || OperatingSystem.IsWindows(), "this machine has /var/run/docker.sock, which is taken first");
        var runtime = Path.Combine(_folder.Home, "run");
        Directory.CreateDirectory(runtime);
        _folder.Variables["XDG_RUNTIME_DIR"] = runtime;
        var desktop = Path.Combine(_folder.Home, ".docker", "run", "docker.sock");
        Directory.CreateDirectory(Path.GetDirectoryName(desktop)!);
        File.WriteAllText(desktop, "");

        var resolved = DockerEndpointResolver.Resolve(environment: _folder.Environment);
        Assert.Equal(("unix://" + desktop, "the Docker Desktop socket (no /var/run/docker.sock)", true), (resolved.Endpoint.ToString(), resolved.Source, resolved.IsDefault));

        File.WriteAllText(Path.Combine(runtime, "docker.sock"), "");
        Assert.Contains("rootless Docker", DockerEndpointResolver.Resolve(environment: _folder.Environment).Source);
    }

    public void Dispose() => _folder.Dispose();
}
