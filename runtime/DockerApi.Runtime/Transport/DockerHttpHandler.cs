using DockerApi.Generated;

namespace DockerApi.Transport;

/// <summary>
/// The bottom handler of a Docker <see cref="HttpClient"/>: ordinary requests go over pooled connections to the
/// <see cref="DockerEndpoint"/> (unix socket, TCP, TLS, ssh, named pipe); requests marked with <see cref="DockerRequestOptions.Hijack"/>
/// get a dedicated connection that is handed back as the response content (<see cref="DockerHijackedStream"/>).
/// Delegating handlers above it see both kinds of request.
/// </summary>
public sealed class DockerHttpHandler : HttpMessageHandler
{
    private readonly DockerEndpoint _endpoint;
    private readonly DockerTransportOptions _options;
    private readonly HttpMessageInvoker _pooled;

    /// <summary>Creates the handler for <paramref name="endpoint"/>; <paramref name="options"/> are read once, here.</summary>
    public DockerHttpHandler(DockerEndpoint endpoint, DockerTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _options = options?.Copy() ?? new DockerTransportOptions();
        _pooled = new HttpMessageInvoker(new SocketsHttpHandler
        {
            // Every kind of connection (TLS and ssh included) is opened here, so the handler only ever speaks plain HTTP/1.1.
            ConnectCallback = async (_, cancellationToken) => await Connections.Connector.OpenAsync(endpoint, cancellationToken).ConfigureAwait(false),
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionIdleTimeout = _options.PooledConnectionIdleTimeout,
            MaxResponseHeadersLength = (_options.MaxResponseHeadBytes + 1023) / 1024, // in KiB
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
    /// <exception cref="DockerConnectionException">The daemon cannot be reached, or the connection broke.</exception>
    /// <exception cref="DockerProtocolException">The answer is not valid HTTP, or is over a configured limit.</exception>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Headers a caller added with TryAddWithoutValidation reach the wire unchecked by .NET: one rule for all.
        HeaderValues.EnsureSafe(request);
        var hijack = request.Options.TryGetValue(DockerRequestOptions.Hijack, out var mode) && mode != HijackMode.None;
        HttpResponseMessage response;
        try
        {
            response = hijack
                ? await HijackConnection.SendAsync(_endpoint, request, mode, _options.MaxResponseHeadBytes, _options.ConnectTimeout, cancellationToken).ConfigureAwait(false)
                : await _pooled.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && e.InnerException is TimeoutException)
        {
            throw TransportErrors.ConnectTimedOut(_endpoint, _options.ConnectTimeout, e);
        }
        catch (Exception e) when (e is not DockerException && TransportErrors.Translate(e, _endpoint) is DockerException translated)
        {
            throw translated;
        }
        return hijack ? response : Guard(response);
    }

    /// <summary>A pooled answer, checked and with a body whose failures are DockerExceptions.</summary>
    private HttpResponseMessage Guard(HttpResponseMessage response)
    {
        try
        {
            // 101 Switching Protocols (or any 1xx) to a request that did not ask for it: what follows is not HTTP.
            // Go's TLS server answers plain HTTP with an HTTP/1.0 400 (a daemon itself speaks HTTP/1.1): say so, not "no common version".
            if (_endpoint.Tls is null && response.StatusCode == System.Net.HttpStatusCode.BadRequest && response.Version == System.Net.HttpVersion.Version10)
                throw new DockerConnectionException($"the daemon at {_endpoint} speaks TLS: connect with TLS (--tlsverify, DOCKER_TLS_VERIFY=1 with DOCKER_CERT_PATH, a context with TLS, or https://)", _endpoint.ToString());
            if ((int)response.StatusCode < 200)
                throw new DockerProtocolException($"the daemon at {_endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase} to a request that did not ask to upgrade its connection");
            DockerResponseContent.CheckContentLength(response.Content, _endpoint);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        response.Content = new DockerResponseContent(response.Content, _endpoint, _options.MaxResponseBodyBytes);
        return response;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _pooled.Dispose();
        base.Dispose(disposing);
    }
}
