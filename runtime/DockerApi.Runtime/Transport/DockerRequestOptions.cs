namespace DockerApi.Transport;

/// <summary>How a request asks <see cref="DockerHttpHandler"/> to hijack its connection.</summary>
public enum HijackMode
{
    /// <summary>An ordinary request over the pooled connections.</summary>
    None,

    /// <summary>
    /// A dedicated connection, handed over raw after a 2xx head: what the 2013 daemon does for attach
    /// (<c>200 OK</c>, <c>application/vnd.docker.raw-stream</c>, raw bytes until close).
    /// </summary>
    Raw,

    /// <summary>
    /// As <see cref="Raw"/>, also sending <c>Connection: Upgrade</c> and <c>Upgrade: tcp</c>, to which modern
    /// daemons answer <c>101 UPGRADED</c>.
    /// </summary>
    UpgradeTcp,

    /// <summary>
    /// As <see cref="Raw"/>, sending <c>Connection: Upgrade</c> and <c>Upgrade: h2c</c>: the request that opens a
    /// BuildKit session (<c>POST /session</c>), after whose <c>101</c> the engine speaks HTTP/2 to the client.
    /// </summary>
    UpgradeH2c,
}

/// <summary><see cref="HttpRequestMessage.Options"/> keys that <see cref="DockerHttpHandler"/> reads.</summary>
public static class DockerRequestOptions
{
    /// <summary>Hijack the connection of this request; the response content is then a <see cref="DockerHijackedStream"/>.</summary>
    public static readonly HttpRequestOptionsKey<HijackMode> Hijack = new("DockerApi.Hijack");

    /// <summary>Marks <paramref name="request"/> to be hijacked in <paramref name="mode"/>.</summary>
    public static HttpRequestMessage WithHijack(this HttpRequestMessage request, HijackMode mode = HijackMode.Raw)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Hijack, mode);
        return request;
    }
}
