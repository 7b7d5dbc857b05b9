using DockerApi.Hijack;
using DockerApi.Requests;

namespace DockerApi.Transport;

/// <summary>
/// The bottom handler of a Docker <see cref="HttpClient"/>: ordinary requests go over pooled connections to the
/// <see cref="DockerEndpoint"/> (unix socket or TCP); requests marked with <see cref="DockerRequestOptions.Hijack"/>
/// get a dedicated connection that is handed back as the response content (<see cref="DockerHijackedStream"/>).
/// Delegating handlers above it see both kinds of request.
/// </summary>
public sealed class DockerHttpHandler : HttpMessageHandler
{
    private readonly DockerEndpoint _endpoint;
    private readonly DockerTransportOptions _options;
    private readonly HttpMessageInvoker _pooled;

    /// <summary>Creates the handler for <paramref name="endpoint"/>.</summary>
    public DockerHttpHandler(DockerEndpoint endpoint, DockerTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _options = options ?? new DockerTransportOptions();
        _pooled = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
                new System.Net.Sockets.NetworkStream(await endpoint.ConnectAsync(cancellationToken).ConfigureAwait(false), ownsSocket: true),
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionIdleTimeout = _options.PooledConnectionIdleTimeout,
            // A daemon is never behind an HTTP proxy, and a 2013 daemon redirects "/containers//json" to the list.
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
        }, disposeHandler: true);
    }

    /// <summary>The daemon this handler talks to.</summary>
    public DockerEndpoint Endpoint => _endpoint;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Headers a caller added with TryAddWithoutValidation reach the wire unchecked by .NET: one rule for all.
        DockerHeaders.EnsureSafe(request);
        return request.Options.TryGetValue(DockerRequestOptions.Hijack, out var mode) && mode != HijackMode.None
            ? HijackConnection.SendAsync(_endpoint, request, mode, _options.MaxResponseHeadBytes, cancellationToken)
            : _pooled.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _pooled.Dispose();
        base.Dispose(disposing);
    }
}
