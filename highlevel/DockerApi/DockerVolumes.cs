namespace DockerApi;

/// <summary>The named volumes of a modern engine (API 1.21 and later), as docker-py's <c>client.volumes</c>.</summary>
public sealed class DockerVolumes
{
    private const string Since = "1.21";
    private readonly Docker _docker;

    internal DockerVolumes(Docker docker) => _docker = docker;

    /// <summary>
    /// Creates a named volume (<c>docker volume create</c>), to mount with <see cref="Mount.Volume"/>; disposing the
    /// <see cref="Volume"/> removes it and what it holds.
    /// </summary>
    /// <param name="name">Its name; null for one the engine makes up.</param>
    /// <param name="labels">Its labels.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Transport.DockerVersionException">A 2013 daemon, which had no named volumes; nothing was sent.</exception>
    /// <example>
    /// <code>
    /// await using var data = await docker.Volumes.CreateAsync();
    /// await docker.Containers.RunAsync("busybox", ["sh", "-c", "echo hi > /data/f"], new ContainerOptions { Mounts = [Mount.Volume(data.Name, "/data")] });
    /// </code>
    /// </example>
    public async Task<Volume> CreateAsync(string? name = null, IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var (created, mountpoint) = await _docker.Modern("VolumeCreate", Since).CreateVolumeAsync(name, labels, cancellationToken).ConfigureAwait(false);
        return new Volume(_docker, created, mountpoint);
    }

    /// <summary>
    /// Removes the volumes no container uses (<c>docker volume prune</c>): since API 1.42 the anonymous ones only, unless
    /// the filter <c>all=true</c> asks for named ones too; also <c>label</c>.
    /// </summary>
    /// <exception cref="Transport.DockerVersionException">A 2013 daemon; nothing was sent.</exception>
    /// <example><code>var pruned = await docker.Volumes.PruneAsync(new DockerFilters().Add("all", "true")); Console.WriteLine(pruned.SpaceReclaimed);</code></example>
    public async Task<PruneResult> PruneAsync(Requests.DockerFilters? filters = null, CancellationToken cancellationToken = default) =>
        await _docker.Modern("VolumePrune", "1.25").PruneVolumesAsync(filters, cancellationToken).ConfigureAwait(false);

    /// <summary>The engine's volumes that match <paramref name="filters"/> (<c>name</c>, <c>label</c>, <c>dangling</c>…); disposing one of them does nothing.</summary>
    /// <example><code>var mine = await docker.Volumes.ListAsync(new DockerFilters().Add("label", "app=web"));</code></example>
    public async Task<IReadOnlyList<Volume>> ListAsync(Requests.DockerFilters? filters = null, CancellationToken cancellationToken = default) =>
        (await _docker.Modern("VolumeList", Since).ListVolumesAsync(filters, cancellationToken).ConfigureAwait(false))
            .Select(v => new Volume(_docker, v.Name, v.Mountpoint, owned: false)).ToList();
}

/// <summary>A named volume; one that <see cref="DockerVolumes.CreateAsync"/> made is removed when disposed.</summary>
public sealed class Volume : IAsyncDisposable
{
    private readonly Docker _docker;
    private readonly bool _owned;
    private int _disposed;

    internal Volume(Docker docker, string name, string mountpoint, bool owned = true) => (_docker, Name, Mountpoint, _owned) = (docker, name, mountpoint, owned);

    /// <summary>Its name: what <see cref="Mount.Volume"/> takes.</summary>
    public string Name { get; }

    /// <summary>Where its files are on the engine's host.</summary>
    public string Mountpoint { get; }

    /// <summary>Removes it now with what it holds; disposing it afterwards does nothing.</summary>
    /// <exception cref="DockerApiException">The engine refused: 409 while a container uses it.</exception>
    public async Task RemoveAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        await _docker.Modern("VolumeDelete", "1.21").RemoveVolumeAsync(Name, force, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _disposed, 1);
    }

    /// <summary>Removes a volume this client made (one already gone, pruned say, is fine); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_owned && Interlocked.Exchange(ref _disposed, 1) == 0)
            await Engines.Gone.IgnoredAsync(_docker.Modern("VolumeDelete", "1.21").RemoveVolumeAsync(Name, false, CancellationToken.None)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"Volume {Name}";
}
