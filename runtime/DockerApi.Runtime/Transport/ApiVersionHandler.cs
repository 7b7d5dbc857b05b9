using System.Text.RegularExpressions;

namespace DockerApi.Transport;

/// <summary>
/// Puts the API version prefix (<c>/v1.2</c>) in front of every request path that has none. A daemon treats an
/// unprefixed path as its newest version, so a client always sends the prefix.
/// </summary>
public sealed partial class ApiVersionHandler : DelegatingHandler
{
    private readonly string _prefix;
    private readonly Transport.ApiVersion _version;

    /// <summary>Creates the handler for API <paramref name="apiVersion"/> (for example <c>1.2</c> or <c>1.41</c>).</summary>
    public ApiVersionHandler(string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        if (!Transport.ApiVersion.TryParse(apiVersion, out _version))
            throw new ArgumentException($"'{apiVersion}' is not an API version such as 1.2 or 1.41.", nameof(apiVersion));
        ApiVersion = apiVersion;
        _prefix = "/v" + apiVersion;
    }

    /// <summary>Creates the handler with an inner handler.</summary>
    public ApiVersionHandler(string apiVersion, HttpMessageHandler innerHandler) : this(apiVersion) => InnerHandler = innerHandler;

    /// <summary>The version put in front of each path.</summary>
    public string ApiVersion { get; }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Prefix(request);
        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Prefix(request);
        return base.Send(request, cancellationToken);
    }

    /// <summary>Where a request carries the newest API version it needs (generated code sets it per operation and parameter), checked here before sending.</summary>
    public static readonly HttpRequestOptionsKey<(string Version, string What)> RequiredVersionKey = new("DockerApi.RequiredVersion");

    private void Prefix(HttpRequestMessage request)
    {
        // A call newer than the version spoken is refused here, before the transport sees it.
        if (request.Options.TryGetValue(RequiredVersionKey, out var required)
            && Transport.ApiVersion.Parse(required.Version) > _version)
            throw new DockerVersionException(required.What, required.Version, ApiVersion);
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || VersionedPath().IsMatch(uri.AbsolutePath))
            return;
        var builder = new UriBuilder(uri) { Path = _prefix + uri.AbsolutePath };
        request.RequestUri = builder.Uri;
    }

    [GeneratedRegex(@"^/v\d+(\.\d+)?(/|$)")]
    private static partial Regex VersionedPath();
}
