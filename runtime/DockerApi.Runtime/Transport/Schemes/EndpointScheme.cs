using System.Net.Sockets;
using DockerApi.Transport.Connections;

namespace DockerApi.Transport.Schemes;

/// <summary>
/// One way of reaching a daemon: the text it reads (<c>unix:///var/run/docker.sock</c>), how it writes an endpoint back,
/// and how it opens a connection. <see cref="DockerEndpoint"/> and the connector ask the endpoint's scheme and branch
/// on nothing, so a new way in is a class of its own and a line in <see cref="All"/>.
/// </summary>
internal abstract class EndpointScheme
{
    /// <summary>Every scheme, in the order a parse error lists their forms.</summary>
    public static readonly IReadOnlyList<EndpointScheme> All = [new UnixScheme(), new TcpScheme(), new SshScheme(), new PipeScheme()];

    /// <summary>The URI schemes this one reads (<c>unix</c>; <c>tcp</c>, <c>http</c>, <c>https</c>).</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>The form of its endpoints, for a message about text that is none (<c>unix:///path</c>).</summary>
    public abstract string Form { get; }

    /// <summary>What kind of endpoint it makes.</summary>
    public abstract DockerEndpointKind Kind { get; }

    /// <summary>True when the daemon is addressed by host and port (the base address and Host header name them) and TLS applies.</summary>
    public virtual bool IsNetwork => false;

    /// <summary>Reads an endpoint of this scheme.</summary>
    /// <param name="scheme">The scheme <paramref name="value"/> names: one of <see cref="Names"/>, in lower case.</param>
    /// <param name="value">The whole text, scheme included.</param>
    /// <param name="endpoint">The endpoint read.</param>
    /// <param name="error">Why it is not an endpoint; null to say only which forms there are.</param>
    public abstract bool TryParse(string scheme, string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DockerEndpoint? endpoint, out string? error);

    /// <summary>The endpoint written as it is read: <c>unix:///var/run/docker.sock</c>.</summary>
    public abstract string Format(DockerEndpoint endpoint);

    /// <summary>Opens one connection, pooled or hijacked alike.</summary>
    public abstract ValueTask<ConnectionStream> OpenAsync(DockerEndpoint endpoint, CancellationToken cancellationToken);

    /// <summary>A socket of this process connected to the daemon, for the schemes that have one.</summary>
    /// <exception cref="NotSupportedException">The scheme's connections are not sockets of this process (ssh, a named pipe).</exception>
    public virtual ValueTask<Socket> ConnectSocketAsync(DockerEndpoint endpoint, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{endpoint} is not reached over a socket of this process; DockerHttpHandler opens its connections.");

    /// <summary>The scheme that reads <paramref name="name"/> (lower case), or null.</summary>
    public static EndpointScheme? Find(string name) => All.FirstOrDefault(s => s.Names.Contains(name));

    /// <summary>What a parse error says an endpoint can be: every form, the last after "or".</summary>
    public static string Forms() => string.Join(", ", All.Take(All.Count - 1).Select(s => s.Form)) + " or " + All[^1].Form;

    /// <summary>A connected socket as a connection: its sending side ends with a TCP FIN (or the unix socket's shutdown).</summary>
    protected static ConnectionStream Plain(Socket socket)
    {
        var network = new NetworkStream(socket, ownsSocket: true);
        return new ConnectionStream(network, network, () => socket.Shutdown(SocketShutdown.Send));
    }

    /// <summary>Connects <paramref name="socket"/> to <paramref name="target"/>, disposing it when that fails.</summary>
    protected static async ValueTask<Socket> ConnectAsync(Socket socket, System.Net.EndPoint target, CancellationToken cancellationToken)
    {
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
}
