namespace DockerApi.Transport;

/// <summary>Builds the <see cref="HttpClient"/> a generated Docker client runs on.</summary>
public static class DockerHttpClient
{
    /// <summary>
    /// An <see cref="HttpClient"/> for <paramref name="endpoint"/> that prefixes every path with
    /// <c>/v{apiVersion}</c>. It has no overall timeout: streaming calls (attach, wait, pull) last as long as
    /// they must; bound each call with its <see cref="CancellationToken"/>.
    /// </summary>
    public static HttpClient Create(DockerEndpoint endpoint, string apiVersion, DockerTransportOptions? options = null) =>
        new(CreateHandler(endpoint, apiVersion, options), disposeHandler: true)
        {
            BaseAddress = endpoint.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>
    /// The handler chain of <see cref="Create"/>: <see cref="ApiVersionHandler"/> over <see cref="DockerHttpHandler"/>.
    /// With HttpClientFactory, use <see cref="DockerHttpHandler"/> as the primary handler and add an
    /// <see cref="ApiVersionHandler"/>.
    /// </summary>
    public static HttpMessageHandler CreateHandler(DockerEndpoint endpoint, string apiVersion, DockerTransportOptions? options = null) =>
        new ApiVersionHandler(apiVersion, new DockerHttpHandler(endpoint, options));
}
