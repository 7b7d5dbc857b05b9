namespace DockerApi.Transport.Connections;

/// <summary>Opens one connection to a daemon, pooled or hijacked alike, the way its endpoint's scheme does.</summary>
internal static class Connector
{
    public static ValueTask<ConnectionStream> OpenAsync(DockerEndpoint endpoint, CancellationToken cancellationToken) =>
        endpoint.Scheme.OpenAsync(endpoint, cancellationToken);
}
