using System.Net;
using System.Net.Sockets;

namespace DockerApi.Transport;

/// <summary>How a <see cref="DockerEndpoint"/> is reached.</summary>
public enum DockerEndpointKind
{
    /// <summary>A unix domain socket (<c>unix:///var/run/docker.sock</c>).</summary>
    Unix,

    /// <summary>TCP (<c>tcp://127.0.0.1:2375</c>, <c>http://host:port</c>), with TLS when <see cref="DockerEndpoint.Tls"/> is set (<c>https://host:2376</c>).</summary>
    Tcp,

    /// <summary>ssh to a host whose <c>docker system dial-stdio</c> reaches its daemon (<c>ssh://user@host:22</c>).</summary>
    Ssh,

    /// <summary>A Windows named pipe (<c>npipe:////./pipe/docker_engine</c>).</summary>
    NamedPipe,
}

/// <summary>
/// Where a Docker daemon listens, in the notation of <c>DOCKER_HOST</c>: <c>unix:///path</c>, <c>tcp://host:port</c>,
/// <c>http://host:port</c>, <c>https://host:port</c> (TLS), <c>ssh://[user@]host[:port]</c> or
/// <c>npipe:////./pipe/name</c>; and, for TCP, how it is secured (<see cref="Tls"/>, <see cref="WithTls"/>).
/// </summary>
public sealed partial class DockerEndpoint : IEquatable<DockerEndpoint>
{
    /// <summary>The daemon's default socket, used when <c>DOCKER_HOST</c> is not set.</summary>
    public const string DefaultHost = "unix:///var/run/docker.sock";

    /// <summary>The port of <c>tcp://host</c> given without one (Docker's convention).</summary>
    public const int DefaultTcpPort = 2375;

    /// <summary>The port of <c>https://host</c>, or of <c>tcp://host</c> with TLS, given without one (Docker's convention).</summary>
    public const int DefaultTlsPort = 2376;

    private DockerEndpoint(DockerEndpointKind kind, string? socketPath, string host, int port, DockerTls? tls = null, string? user = null, string? pipeName = null)
    {
        Kind = kind;
        SocketPath = socketPath;
        Host = host;
        Port = port;
        Tls = tls;
        User = user;
        PipeName = pipeName;
        // Requests are plain HTTP/1.1 above the connection whatever carries it (TLS, ssh): the connection is ours.
        BaseAddress = kind == DockerEndpointKind.Tcp
            ? new Uri($"http://{(host.Contains(':') ? $"[{host}]" : host)}:{port}/")
            : new Uri("http://localhost/");
    }

    /// <summary>TLS settings of a TCP endpoint; null for plain TCP and the other kinds.</summary>
    public DockerTls? Tls { get; }

    /// <summary>The user of an ssh endpoint, when given (<c>ssh://user@host</c>); else null (ssh's own default).</summary>
    public string? User { get; }

    /// <summary>The pipe name of a named-pipe endpoint (<c>docker_engine</c>); else null.</summary>
    public string? PipeName { get; }

    /// <summary>This TCP endpoint secured with <paramref name="tls"/> (null: plain TCP).</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not TCP.</exception>
    public DockerEndpoint WithTls(DockerTls? tls) => Kind == DockerEndpointKind.Tcp
        ? new DockerEndpoint(Kind, null, Host, Port, tls)
        : throw new InvalidOperationException($"TLS applies to tcp:// endpoints, not to {this}.");

    /// <summary>Unix socket or TCP.</summary>
    public DockerEndpointKind Kind { get; }

    /// <summary>The socket's path for <see cref="DockerEndpointKind.Unix"/>, else null.</summary>
    public string? SocketPath { get; }

    /// <summary>The host name or address (the ssh host, the pipe's server); <c>localhost</c> for a unix socket (it is what the Host header says).</summary>
    public string Host { get; }

    /// <summary>The TCP or ssh port; 0 for a unix socket, a pipe, or ssh without a port (ssh's own default).</summary>
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

    /// <summary>Parses <c>unix:///path</c>, <c>tcp://host[:port]</c>, <c>http://host[:port]</c>, <c>https://host[:port]</c> (TLS with the system's trusted roots), <c>ssh://[user@]host[:port]</c> or <c>npipe:////server/pipe/name</c>.</summary>
    /// <exception cref="FormatException">The text is not a supported endpoint; the message says why.</exception>
    public static DockerEndpoint Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var endpoint, out var error)
            ? endpoint
            : throw new FormatException($"'{Redact(value)}' is not a Docker endpoint: {error}");
    }

    /// <summary>
    /// <paramref name="text"/> with the password of any <c>scheme://user:password@</c> in it masked (<c>user:***@</c>),
    /// as Go's <c>url.Redacted</c> does: for every message that quotes what a user or a file gave as an endpoint.
    /// </summary>
    internal static string Redact(string text) => UserInfoPassword().Replace(text, "${user}:***@");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=://)(?<user>[^/?#@:\s]*):[^/?#@\s]*@")]
    private static partial System.Text.RegularExpressions.Regex UserInfoPassword();

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

        if (value.StartsWith("npipe://", StringComparison.OrdinalIgnoreCase))
            return TryParsePipe(value, out endpoint, out error);

        var withScheme = value.Contains("://", StringComparison.Ordinal) ? value : "tcp://" + value;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("tcp" or "http" or "https" or "ssh")
            || string.IsNullOrEmpty(uri.Host)
            || (uri.AbsolutePath != "/" && uri.AbsolutePath != "")
            || (uri.UserInfo.Length > 0 && uri.Scheme != "ssh") || uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            error = "expected unix:///path, tcp://host:port, http(s)://host:port, ssh://[user@]host[:port] or npipe:////./pipe/name";
            return false;
        }
        // Only a missing port means Docker's default; an explicit ":0" asks for any free port (servers, tests).
        var explicitPort = System.Text.RegularExpressions.Regex.IsMatch(uri.Authority, @":\d+$");
        var host = uri.IdnHost.Trim('[', ']');
        error = "";
        endpoint = uri.Scheme switch
        {
            "ssh" => new DockerEndpoint(DockerEndpointKind.Ssh, null, host, explicitPort ? uri.Port : 0,
                user: uri.UserInfo.Length > 0 ? Uri.UnescapeDataString(uri.UserInfo) : null),
            "https" => new DockerEndpoint(DockerEndpointKind.Tcp, null, host, explicitPort ? uri.Port : DefaultTlsPort, new DockerTls()),
            _ => new DockerEndpoint(DockerEndpointKind.Tcp, null, host, explicitPort ? uri.Port : DefaultTcpPort),
        };
        return true;
    }

    // npipe:////./pipe/docker_engine (Docker's form) or npipe://./pipe/docker_engine: a server ('.' is this machine) and a name.
    private static bool TryParsePipe(string value, out DockerEndpoint? endpoint, out string error)
    {
        var match = System.Text.RegularExpressions.Regex.Match(value[("npipe:".Length)..], @"^/{2,4}([^/]+)/pipe/([^/]+)$");
        if (!match.Success)
        {
            (endpoint, error) = (null, "a named pipe is npipe:////./pipe/<name> (or npipe:////<server>/pipe/<name>)");
            return false;
        }
        (endpoint, error) = (new DockerEndpoint(DockerEndpointKind.NamedPipe, null, match.Groups[1].Value, 0, pipeName: match.Groups[2].Value), "");
        return true;
    }

    /// <summary>Opens a new connection to the daemon.</summary>
    /// <exception cref="NotSupportedException">The endpoint is ssh or a named pipe, whose connections are not sockets.</exception>
    public async ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (Kind is DockerEndpointKind.Ssh or DockerEndpointKind.NamedPipe)
            throw new NotSupportedException($"{this} is not reached over a socket of this process; DockerHttpHandler opens its connections.");
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
    public override string ToString() => Kind switch
    {
        DockerEndpointKind.Unix => "unix://" + SocketPath,
        DockerEndpointKind.Ssh => $"ssh://{(User is null ? "" : User + "@")}{Bracketed}{(Port > 0 ? $":{Port}" : "")}",
        DockerEndpointKind.NamedPipe => $"npipe:////{Host}/pipe/{PipeName}",
        _ => $"{(Tls is null ? "tcp" : "https")}://{Bracketed}:{Port}",
    };

    private string Bracketed => Host.Contains(':') ? $"[{Host}]" : Host;

    /// <inheritdoc />
    public bool Equals(DockerEndpoint? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DockerEndpoint);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
