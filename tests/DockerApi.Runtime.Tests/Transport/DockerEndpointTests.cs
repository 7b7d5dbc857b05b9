using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Transport;

public sealed class DockerEndpointTests
{
    [Theory]
    [InlineData("unix:///var/run/docker.sock", DockerEndpointKind.Unix, "/var/run/docker.sock", "localhost", 0, "http://localhost/")]
    [InlineData("tcp://127.0.0.1:4243", DockerEndpointKind.Tcp, null, "127.0.0.1", 4243, "http://127.0.0.1:4243/")]
    [InlineData("tcp://docker.local", DockerEndpointKind.Tcp, null, "docker.local", 2375, "http://docker.local:2375/")]
    [InlineData("http://10.0.0.5:2376", DockerEndpointKind.Tcp, null, "10.0.0.5", 2376, "http://10.0.0.5:2376/")]
    [InlineData("127.0.0.1:4243", DockerEndpointKind.Tcp, null, "127.0.0.1", 4243, "http://127.0.0.1:4243/")]
    [InlineData("tcp://[::1]:2375", DockerEndpointKind.Tcp, null, "::1", 2375, "http://[::1]:2375/")]
    [InlineData("tcp://[::1]", DockerEndpointKind.Tcp, null, "::1", 2375, "http://[::1]:2375/")]
    [InlineData("http://docker.local", DockerEndpointKind.Tcp, null, "docker.local", 2375, "http://docker.local:2375/")]
    [InlineData("tcp://127.0.0.1:0", DockerEndpointKind.Tcp, null, "127.0.0.1", 0, "http://127.0.0.1:0/")]
    [InlineData("https://docker.example", DockerEndpointKind.Tcp, null, "docker.example", 2376, "http://docker.example:2376/")]
    [InlineData("ssh://deploy@build.example:2222", DockerEndpointKind.Ssh, null, "build.example", 2222, "http://localhost/")]
    [InlineData("ssh://build.example", DockerEndpointKind.Ssh, null, "build.example", 0, "http://localhost/")]
    [InlineData("npipe:////./pipe/docker_engine", DockerEndpointKind.NamedPipe, null, ".", 0, "http://localhost/")]
    public void Parses_the_DOCKER_HOST_notations(string text, DockerEndpointKind kind, string? path, string host, int port, string baseAddress)
    {
        var endpoint = DockerEndpoint.Parse(text);
        Assert.Equal(kind, endpoint.Kind);
        Assert.Equal(path, endpoint.SocketPath);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(baseAddress, endpoint.BaseAddress.ToString());
        Assert.Equal(endpoint, DockerEndpoint.Parse(endpoint.ToString()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("unix://relative.sock", "absolute path")]
    [InlineData("npipe://docker_engine", "npipe:////./pipe/<name>")]
    [InlineData("ssh://user:password@host", "expected unix:///path")]
    [InlineData("tcp://user@host", "expected unix:///path")]
    [InlineData("ftp://host", "expected unix:///path")]
    [InlineData("tcp://host:2375/path", "expected unix:///path")]
    public void Rejects_what_it_cannot_reach_with_the_reason(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => DockerEndpoint.Parse(text));
        Assert.Contains(reason, e.Message);
        Assert.False(DockerEndpoint.TryParse(text, out _));
    }

    [Fact]
    public void FromEnvironment_reads_DOCKER_HOST_and_defaults_to_the_daemon_socket()
    {
        var saved = Environment.GetEnvironmentVariable("DOCKER_HOST");
        try
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", "tcp://127.0.0.1:4243");
            Assert.Equal("tcp://127.0.0.1:4243", DockerEndpoint.FromEnvironment().ToString());
            Environment.SetEnvironmentVariable("DOCKER_HOST", null);
            Assert.Equal(DockerEndpoint.DefaultHost, DockerEndpoint.FromEnvironment().ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", saved);
        }
    }

    [Fact]
    public void An_https_endpoint_is_TLS_with_the_systems_roots_and_ssh_and_pipes_keep_their_parts()
    {
        var https = DockerEndpoint.Parse("https://docker.example");
        Assert.True(https.Tls is { Verify: true, CaCertificatePath: null, ClientCertificatePath: null });
        Assert.Equal("https://docker.example:2376", https.ToString());
        Assert.Equal("deploy", DockerEndpoint.Parse("ssh://deploy@build.example").User);
        Assert.Equal("docker_engine", DockerEndpoint.Parse("npipe:////./pipe/docker_engine").PipeName);
        Assert.Throws<InvalidOperationException>(() => DockerEndpoint.Parse("unix:///x.sock").WithTls(new DockerTls()));
    }

    [Fact]
    public void Ssh_runs_docker_system_dial_stdio_without_prompting()
    {
        var arguments = DockerApi.Transport.Connections.SshConnection.Arguments(DockerEndpoint.Parse("ssh://deploy@build.example:2222"));
        Assert.Equal(["-o", "BatchMode=yes", "-l", "deploy", "-p", "2222", "--", "build.example", "docker", "system", "dial-stdio"], arguments);
    }

    [Fact]
    public void Every_scheme_reads_what_it_writes_and_is_named_in_the_parse_error()
    {
        // The schemes are a list (EndpointScheme.All), not a switch: one that is added is held to this at once.
        string[] samples = ["unix:///run/x.sock", "tcp://10.1.2.3:2375", "https://[::1]:2376", "ssh://me@host:22", "ssh://host", "npipe:////./pipe/docker_engine"];
        foreach (var scheme in DockerApi.Transport.Schemes.EndpointScheme.All)
        {
            var mine = samples.Where(s => scheme.Names.Contains(s[..s.IndexOf(':')])).ToList();
            Assert.True(mine.Count > 0, $"no sample of {scheme.GetType().Name}");
            foreach (var text in mine)
            {
                var endpoint = DockerEndpoint.Parse(text);
                Assert.Same(scheme, endpoint.Scheme);
                Assert.Equal(scheme.Kind, endpoint.Kind);
                Assert.Equal(text, endpoint.ToString());
                Assert.Equal(endpoint, DockerEndpoint.Parse(endpoint.ToString()));
            }
            var error = Assert.Throws<FormatException>(() => DockerEndpoint.Parse("gopher://host"));
            Assert.Contains(scheme.Form, error.Message, StringComparison.Ordinal);
        }
    }
}
