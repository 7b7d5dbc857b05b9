using System.Net.Sockets;
using DockerApi.Transport.Schemes;

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

    internal DockerEndpoint(EndpointScheme scheme, string host, int port, DockerTls? tls = null, string? user = null, string? pipeName = null,
        string? socketPath = null)
    {
        Scheme = scheme;
        SocketPath = socketPath;
        Host = host;
        Port = port;
        Tls = tls;
        User = user;
        PipeName = pipeName;
        // Requests are plain HTTP/1.1 above the connection whatever carries it (TLS, ssh): the connection is ours.
        BaseAddress = scheme.IsNetwork ? new Uri($"http://{Authority.Bracketed(host)}:{port}/") : new Uri("http://localhost/");
    }

    /// <summary>How this endpoint is read, written and connected to.</summary>
    internal EndpointScheme Scheme { get; }

    /// <summary>True for an endpoint addressed by host and port (TCP), the only kind TLS applies to.</summary>
    internal bool AcceptsTls => Scheme.IsNetwork;

    /// <summary>TLS settings of a TCP endpoint; null for plain TCP and the other kinds.</summary>
    public DockerTls? Tls { get; }

    /// <summary>The user of an ssh endpoint, when given (<c>ssh://user@host</c>); else null (ssh's own default).</summary>
    public string? User { get; }

    /// <summary>The pipe name of a named-pipe endpoint (<c>docker_engine</c>); else null.</summary>
    public string? PipeName { get; }

    /// <summary>This TCP endpoint secured with <paramref name="tls"/> (null: plain TCP).</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not TCP.</exception>
    public DockerEndpoint WithTls(DockerTls? tls) => AcceptsTls
        ? new DockerEndpoint(Scheme, Host, Port, tls)
        : throw new InvalidOperationException($"TLS applies to tcp:// endpoints, not to {this}.");

    /// <summary>Unix socket, TCP, ssh or named pipe.</summary>
    public DockerEndpointKind Kind => Scheme.Kind;

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
        // host:port without a scheme is TCP, as DOCKER_HOST reads it.
        var separator = value.IndexOf("://", StringComparison.Ordinal);
        var name = separator < 0 ? "tcp" : value[..separator].ToLowerInvariant();
        var text = separator < 0 ? "tcp://" + value : value;
        string? reason = null;
        if (EndpointScheme.Find(name) is { } scheme && scheme.TryParse(name, text, out endpoint, out reason))
        {
            error = "";
            return true;
        }
        (endpoint, error) = (null, reason ?? "expected " + EndpointScheme.Forms());
        return false;
    }

    /// <summary>Opens a new connection to the daemon.</summary>
    /// <exception cref="NotSupportedException">The endpoint is ssh or a named pipe, whose connections are not sockets.</exception>
    public ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken = default) => Scheme.ConnectSocketAsync(this, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Scheme.Format(this);

    /// <inheritdoc />
    public bool Equals(DockerEndpoint? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DockerEndpoint);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
