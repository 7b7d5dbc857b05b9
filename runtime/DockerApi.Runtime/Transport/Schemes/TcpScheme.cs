using System.Net;
using System.Net.Sockets;
using DockerApi.Transport.Connections;

namespace DockerApi.Transport.Schemes;

/// <summary>TCP: <c>tcp://host:port</c> and <c>http://host:port</c> plain, <c>https://host:port</c> with TLS; a bare <c>host:port</c> is tcp.</summary>
internal sealed class TcpScheme : EndpointScheme
{
    public override IReadOnlyList<string> Names { get; } = ["tcp", "http", "https"];

    public override string Form => "tcp://host:port, http(s)://host:port";

    public override DockerEndpointKind Kind => DockerEndpointKind.Tcp;

    public override bool IsNetwork => true;

    public override bool TryParse(string scheme, string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DockerEndpoint? endpoint, out string? error)
    {
        (endpoint, error) = (null, null);
        if (!Authority.TryRead(value, out var uri, out var explicitPort) || uri.UserInfo.Length > 0)
            return false;
        endpoint = scheme == "https"
            ? new DockerEndpoint(this, Authority.Host(uri), explicitPort ? uri.Port : DockerEndpoint.DefaultTlsPort, new DockerTls())
            : new DockerEndpoint(this, Authority.Host(uri), explicitPort ? uri.Port : DockerEndpoint.DefaultTcpPort);
        return true;
    }

    public override string Format(DockerEndpoint endpoint) => $"{(endpoint.Tls is null ? "tcp" : "https")}://{Authority.Bracketed(endpoint.Host)}:{endpoint.Port}";

    public override async ValueTask<ConnectionStream> OpenAsync(DockerEndpoint endpoint, CancellationToken cancellationToken)
    {
        var socket = await ConnectSocketAsync(endpoint, cancellationToken).ConfigureAwait(false);
        if (endpoint.Tls is not { } tls)
            return Plain(socket);
        var network = new NetworkStream(socket, ownsSocket: true);
        var (ssl, read) = await tls.AuthenticateAsync(network, endpoint.Host, endpoint.ToString(), cancellationToken).ConfigureAwait(false);
        // TLS ends its sending side with close_notify (as Go's tls.Conn.CloseWrite does), then TCP's FIN.
        return new ConnectionStream(read, ssl, () =>
        {
            ssl.ShutdownAsync().GetAwaiter().GetResult();
            socket.Shutdown(SocketShutdown.Send);
        });
    }

    public override ValueTask<Socket> ConnectSocketAsync(DockerEndpoint endpoint, CancellationToken cancellationToken)
    {
        EndPoint target = IPAddress.TryParse(endpoint.Host, out var address) ? new IPEndPoint(address, endpoint.Port) : new DnsEndPoint(endpoint.Host, endpoint.Port);
        return ConnectAsync(new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }, target, cancellationToken);
    }
}
