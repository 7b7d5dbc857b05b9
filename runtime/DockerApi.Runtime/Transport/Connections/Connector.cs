using System.IO.Pipes;
using System.Net.Sockets;

namespace DockerApi.Transport.Connections;

/// <summary>Opens one connection to a daemon, pooled or hijacked alike: unix socket, TCP, TLS over TCP, ssh, named pipe.</summary>
internal static class Connector
{
    public static async ValueTask<ConnectionStream> OpenAsync(DockerEndpoint endpoint, CancellationToken cancellationToken)
    {
        switch (endpoint.Kind)
        {
            case DockerEndpointKind.Ssh:
                return SshConnection.Open(endpoint, DockerEnvironment.Current);
            case DockerEndpointKind.NamedPipe:
                return await OpenPipeAsync(endpoint, cancellationToken).ConfigureAwait(false);
        }
        var socket = await endpoint.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var network = new NetworkStream(socket, ownsSocket: true);
        if (endpoint.Tls is not { } tls)
            return new ConnectionStream(network, network, () => socket.Shutdown(SocketShutdown.Send));
        var (ssl, read) = await tls.AuthenticateAsync(network, endpoint.Host, endpoint.ToString(), cancellationToken).ConfigureAwait(false);
        // TLS ends its sending side with close_notify (as Go's tls.Conn.CloseWrite does), then TCP's FIN.
        return new ConnectionStream(read, ssl, () =>
        {
            ssl.ShutdownAsync().GetAwaiter().GetResult();
            socket.Shutdown(SocketShutdown.Send);
        });
    }

    private static async ValueTask<ConnectionStream> OpenPipeAsync(DockerEndpoint endpoint, CancellationToken cancellationToken)
    {
        var pipe = new NamedPipeClientStream(endpoint.Host, endpoint.PipeName!, PipeDirection.InOut, PipeOptions.Asynchronous);
        try
        {
            await pipe.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await pipe.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        // A pipe has no half-close that .NET can send (the docker CLI uses a zero-length message of Windows' pipes).
        return new ConnectionStream(pipe, pipe, () => throw new NotSupportedException("a named pipe connection cannot be half-closed; close the connection instead"));
    }
}
