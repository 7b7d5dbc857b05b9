using System.Net;
using System.Net.Sockets;

namespace DockerApi.Transport;

/// <summary>How a <see cref="DockerEndpoint"/> is reached.</summary>
public enum DockerEndpointKind
{
    /// <summary>A unix domain socket (<c>unix:///var/run/docker.sock</c>).</summary>
    Unix,

    /// <summary>Plain TCP (<c>tcp://127.0.0.1:2375</c>, <c>http://host:port</c>).</summary>
    Tcp,
}

/// <summary>
/// Where a Docker daemon listens, in the notation of <c>DOCKER_HOST</c>:
/// <c>unix:///path</c>, <c>tcp://host:port</c> or <c>http://host:port</c>.
/// </summary>
public sealed class DockerEndpoint : IEquatable<DockerEndpoint>
{
    /// <summary>The daemon's default socket, used when <c>DOCKER_HOST</c> is not set.</summary>
    public const string DefaultHost = "unix:///var/run/docker.sock";

    /// <summary>The port of <c>tcp://host</c> given without one (Docker's convention).</summary>
    public const int DefaultTcpPort = 2375;

    private DockerEndpoint(DockerEndpointKind kind, string? socketPath, string host, int port)
    {
        Kind = kind;
        SocketPath = socketPath;
        Host = host;
        Port = port;
        BaseAddress = kind == DockerEndpointKind.Unix
            ? new Uri("http://localhost/")
            : new Uri($"http://{(host.Contains(':') ? $"[{host}]" : host)}:{port}/");
    }

    /// <summary>Unix socket or TCP.</summary>
    public DockerEndpointKind Kind { get; }

    /// <summary>The socket's path for <see cref="DockerEndpointKind.Unix"/>, else null.</summary>
    public string? SocketPath { get; }

    /// <summary>The host name or address; <c>localhost</c> for a unix socket (it is what the Host header says).</summary>
    public string Host { get; }

    /// <summary>The TCP port; 0 for a unix socket.</summary>
    public int Port { get; }

    /// <summary>The base address an <see cref="HttpClient"/> uses for this endpoint.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The endpoint named by <c>DOCKER_HOST</c>, or <see cref="DefaultHost"/> when it is unset or empty.</summary>
    /// <exception cref="FormatException"><c>DOCKER_HOST</c> is not a supported endpoint.</exception>
    public static DockerEndpoint FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable("DOCKER_HOST");
        return Parse(string.IsNullOrWhiteSpace(value) ? DefaultHost : value);
    }

    /// <summary>Parses <c>unix:///path</c>, <c>tcp://host[:port]</c> or <c>http://host[:port]</c>.</summary>
    /// <exception cref="FormatException">The text is not a supported endpoint; the message says why.</exception>
    public static DockerEndpoint Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var endpoint, out var error)
            ? endpoint
            : throw new FormatException($"'{value}' is not a Docker endpoint: {error}");
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DockerEndpoint? endpoint) =>
        TryParse(value, out endpoint, out _);

    private static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DockerEndpoint? endpoint, out string error)
    {
        endpoint = null;
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = "it is empty";
            return false;
        }

        const string unixScheme = "unix://";
        if (value.StartsWith(unixScheme, StringComparison.OrdinalIgnoreCase))
        {
            var path = value[unixScheme.Length..];
            if (!path.StartsWith('/'))
            {
                error = "a unix socket needs an absolute path, as in unix:///var/run/docker.sock";
                return false;
            }
            endpoint = new DockerEndpoint(DockerEndpointKind.Unix, path, "localhost", 0);
            error = "";
            return true;
        }

        if (value.StartsWith("npipe://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase))
        {
            error = "only unix://, tcp:// and http:// endpoints are supported";
            return false;
        }

        var withScheme = value.Contains("://", StringComparison.Ordinal) ? value : "tcp://" + value;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)
            || (uri.Scheme != "tcp" && uri.Scheme != "http")
            || string.IsNullOrEmpty(uri.Host)
            || (uri.AbsolutePath != "/" && uri.AbsolutePath != ""))
        {
            error = "expected unix:///path, tcp://host:port or http://host:port";
            return false;
        }
        // Only a missing port means Docker's default; an explicit ":0" asks for any free port (servers, tests).
        var explicitPort = System.Text.RegularExpressions.Regex.IsMatch(uri.Authority, @":\d+$");
        var port = explicitPort ? uri.Port : DefaultTcpPort;
        endpoint = new DockerEndpoint(DockerEndpointKind.Tcp, null, uri.IdnHost.Trim('[', ']'), port);
        error = "";
        return true;
    }

    /// <summary>Opens a new connection to the daemon.</summary>
    public async ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken = default)
    {
        EndPoint target = Kind == DockerEndpointKind.Unix
            ? new UnixDomainSocketEndPoint(SocketPath!)
            : IPAddress.TryParse(Host, out var address) ? new IPEndPoint(address, Port) : new DnsEndPoint(Host, Port);
        var socket = Kind == DockerEndpointKind.Unix
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        Kind == DockerEndpointKind.Unix ? "unix://" + SocketPath : $"tcp://{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";

    /// <inheritdoc />
    public bool Equals(DockerEndpoint? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DockerEndpoint);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
