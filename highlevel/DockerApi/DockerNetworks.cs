namespace DockerApi;

/// <summary>The networks of a modern engine (API 1.21 and later), as docker-py's <c>client.networks</c>.</summary>
public sealed class DockerNetworks
{
    private const string Since = "1.21";
    private readonly Docker _docker;

    internal DockerNetworks(Docker docker) => _docker = docker;

    /// <summary>
    /// Creates a network (<c>docker network create</c>) for containers to reach each other by name; disposing the
    /// <see cref="Network"/> removes it.
    /// </summary>
    /// <param name="name">Its name.</param>
    /// <param name="driver">Its driver: <c>bridge</c> (null: the engine's default), <c>overlay</c>, <c>macvlan</c>…</param>
    /// <param name="internal">Without a way out of the host (<c>--internal</c>).</param>
    /// <param name="labels">Its labels.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="DockerApiException">The engine refused: 409 when a network of that name exists.</exception>
    /// <exception cref="Transport.DockerVersionException">A 2013 daemon, which had no networks; nothing was sent.</exception>
    /// <example>
    /// <code>
    /// await using var net = await docker.Networks.CreateAsync("app-net");
    /// await using var db = await docker.Containers.StartAsync("redis", options: new ContainerOptions { Network = net.Name, Name = "db" });
    /// </code>
    /// </example>
    public async Task<Network> CreateAsync(string name, string? driver = null, bool @internal = false, IReadOnlyDictionary<string, string>? labels = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var id = await _docker.Modern("NetworkCreate", Since).CreateNetworkAsync(name, driver, @internal, labels, cancellationToken).ConfigureAwait(false);
        return new Network(_docker, id, name);
    }

    /// <summary>Removes the networks no container uses (<c>docker network prune</c>), those that match <paramref name="filters"/> (<c>until</c>, <c>label</c>).</summary>
    /// <exception cref="Transport.DockerVersionException">A 2013 daemon; nothing was sent.</exception>
    /// <example><code>var pruned = await docker.Networks.PruneAsync(new DockerFilters().Add("until", "24h"));</code></example>
    public async Task<PruneResult> PruneAsync(Requests.DockerFilters? filters = null, CancellationToken cancellationToken = default) =>
        await _docker.Modern("NetworkPrune", "1.25").PruneNetworksAsync(filters, cancellationToken).ConfigureAwait(false);

    /// <summary>The engine's networks that match <paramref name="filters"/> (<c>name</c>, <c>label</c>, <c>driver</c>…); disposing one of them does nothing.</summary>
    /// <example><code>var mine = await docker.Networks.ListAsync(new DockerFilters().Add("label", "app=web"));</code></example>
    public async Task<IReadOnlyList<Network>> ListAsync(Requests.DockerFilters? filters = null, CancellationToken cancellationToken = default) =>
        (await _docker.Modern("NetworkList", Since).ListNetworksAsync(filters, cancellationToken).ConfigureAwait(false))
            .Select(n => new Network(_docker, n.Id, n.Name, owned: false) { Driver = n.Driver }).ToList();
}

/// <summary>A network; one that <see cref="DockerNetworks.CreateAsync"/> made is removed when disposed.</summary>
public sealed class Network : IAsyncDisposable
{
    private readonly Docker _docker;
    private readonly bool _owned;
    private int _disposed;

    internal Network(Docker docker, string id, string name, bool owned = true) => (_docker, Id, Name, _owned) = (docker, id, name, owned);

    /// <summary>Its id.</summary>
    public string Id { get; }

    /// <summary>Its name: what <see cref="ContainerOptions.Network"/> takes.</summary>
    public string Name { get; }

    /// <summary>Its driver, when listed.</summary>
    public string? Driver { get; init; }

    /// <summary>Connects a running container to it (<c>docker network connect</c>).</summary>
    /// <example>
    /// <code>
    /// await using var net = await docker.Networks.CreateAsync("backend");
    /// await net.ConnectAsync(web);
    /// </code>
    /// </example>
    public Task ConnectAsync(Container container, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        return _docker.Modern("NetworkConnect", "1.21").ConnectAsync(Id, container.Id, cancellationToken);
    }

    /// <summary>Removes it now; disposing it afterwards does nothing.</summary>
    /// <exception cref="DockerApiException">The engine refused: 403 or 409 while containers use it.</exception>
    public async Task RemoveAsync(CancellationToken cancellationToken = default)
    {
        await _docker.Modern("NetworkDelete", "1.21").RemoveNetworkAsync(Id, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _disposed, 1);
    }

    /// <summary>Removes a network this client made (one already gone is fine); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_owned && Interlocked.Exchange(ref _disposed, 1) == 0)
            await Engines.Gone.IgnoredAsync(_docker.Modern("NetworkDelete", "1.21").RemoveNetworkAsync(Id, CancellationToken.None)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"Network {Name}";
}
