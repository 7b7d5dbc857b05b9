using System.Net.Sockets;
using DockerApi.Transport.Connections;

namespace DockerApi.Transport.Schemes;

/// <summary>A unix domain socket: <c>unix:///var/run/docker.sock</c>.</summary>
internal sealed class UnixScheme : EndpointScheme
{
    public override IReadOnlyList<string> Names { get; } = ["unix"];

    public override string Form => "unix:///path";

    public override DockerEndpointKind Kind => DockerEndpointKind.Unix;

    public override bool TryParse(string scheme, string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DockerEndpoint? endpoint, out string? error)
    {
        var path = value["unix://".Length..];
        if (!path.StartsWith('/'))
        {
            (endpoint, error) = (null, "a unix socket needs an absolute path, as in unix:///var/run/docker.sock");
            return false;
        }
        (endpoint, error) = (new DockerEndpoint(this, "localhost", 0, socketPath: path), null);
        return true;
    }

    public override string Format(DockerEndpoint endpoint) => "unix://" + endpoint.SocketPath;

    public override async ValueTask<ConnectionStream> OpenAsync(DockerEndpoint endpoint, CancellationToken cancellationToken) =>
        Plain(await ConnectSocketAsync(endpoint, cancellationToken).ConfigureAwait(false));

    public override ValueTask<Socket> ConnectSocketAsync(DockerEndpoint endpoint, CancellationToken cancellationToken) =>
        ConnectAsync(new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified), new UnixDomainSocketEndPoint(endpoint.SocketPath!), cancellationToken);
}
