using System.Formats.Tar;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DockerApi.Latest;
using DockerApi.Requests;
// Docker's Swarm task is DockerApi.Latest.Task; Task here is the framework's.
using Task = System.Threading.Tasks.Task;

namespace DockerApi.Engines;

/// <summary>What only modern engines have: stats, events, networks, volumes, the archive of a path.</summary>
internal sealed partial class ModernEngine
{
    public async IAsyncEnumerable<ContainerStats> StatsAsync(string id, bool stream, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var s in Client.Containers.StatsAsync(id, stream: stream, cancellationToken: ct).ConfigureAwait(false))
            yield return Stats.Of(s);
    }

    public async IAsyncEnumerable<DockerEvent> EventsAsync(DockerFilters? filters, DateTimeOffset? since, DateTimeOffset? until, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in Client.System.EventsAsync(since: Unix(since), until: Unix(until), filters: Lookup.FiltersOf(filters), cancellationToken: ct).ConfigureAwait(false))
        {
            var time = e.TimeNano is { } nanos ? DateTimeOffset.UnixEpoch.AddTicks(nanos / 100) : DateTimeOffset.FromUnixTimeSeconds(e.Time ?? 0);
            yield return new DockerEvent(e.Type?.ToString() ?? "", e.Action ?? "", e.Actor?.ID ?? "", e.Actor?.Attributes ?? new Dictionary<string, string>(), time);
        }
    }

    private static string? Unix(DateTimeOffset? time) => time is { } t ? $"{t.ToUnixTimeMilliseconds() / 1000.0:0.###}".Replace(',', '.') : null;

    public async Task<string> CreateNetworkAsync(string name, string? driver, bool @internal, IReadOnlyDictionary<string, string>? labels, CancellationToken ct) =>
        (await Client.Networks.CreateAsync(new NetworkCreateRequest
        {
            Name = name, Driver = driver, Internal = @internal ? true : null, Labels = labels?.ToDictionary(l => l.Key, l => l.Value),
        }, ct).ConfigureAwait(false)).Id;

    public Task RemoveNetworkAsync(string id, CancellationToken ct) => Client.Networks.DeleteAsync(id, ct);

    public Task ConnectAsync(string network, string container, CancellationToken ct) =>
        Client.Networks.ConnectAsync(network, new NetworkConnectRequest { Container = container }, ct);

    public async Task<IReadOnlyList<(string Id, string Name, string Driver)>> ListNetworksAsync(DockerFilters? filters, CancellationToken ct) =>
        (await Client.Networks.ListAsync(Lookup.FiltersOf(filters), ct).ConfigureAwait(false)).Select(n => (n.Id ?? "", n.Name ?? "", n.Driver ?? "")).ToList();

    public async Task<(string Name, string Mountpoint)> CreateVolumeAsync(string? name, IReadOnlyDictionary<string, string>? labels, CancellationToken ct)
    {
        var v = await Client.Volumes.CreateAsync(new VolumeCreateRequest { Name = name, Labels = labels?.ToDictionary(l => l.Key, l => l.Value) }, ct).ConfigureAwait(false);
        return (v.Name, v.Mountpoint);
    }

    public Task RemoveVolumeAsync(string name, bool force, CancellationToken ct) => Client.Volumes.DeleteAsync(name, force ? true : null, ct);

    public async Task<IReadOnlyList<(string Name, string Mountpoint)>> ListVolumesAsync(DockerFilters? filters, CancellationToken ct) =>
        ((await Client.Volumes.ListAsync(Lookup.FiltersOf(filters), ct).ConfigureAwait(false)).Volumes ?? []).Select(v => (v.Name, v.Mountpoint)).ToList();

    /// <summary>The engine's stat of a path: the <c>X-Docker-Container-Path-Stat</c> header, base64 of a JSON object.</summary>
    public async Task<ArchiveInfo> StatAsync(string id, string path, CancellationToken ct)
    {
        ContainerPath.Check(path);
        var header = await Client.Containers.ArchiveInfoAsync(id, path, ct).ConfigureAwait(false)
            ?? throw new DockerProtocolException("the engine's stat of a path came without its X-Docker-Container-Path-Stat header", "ContainerArchiveInfo");
        return ContainerPath.ParseStat(header);
    }

    public async Task PutFileAsync(string id, string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var (folder, name) = ContainerPath.Split(path);
        // The same answer on every engine: Docker refuses a missing folder with 404, Podman would make it.
        await Client.Containers.ArchiveInfoAsync(id, folder, ct).ConfigureAwait(false);
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(content.ToArray(), writable: false),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                ModificationTime = DateTimeOffset.UtcNow,
            };
            await writer.WriteEntryAsync(entry, ct).ConfigureAwait(false);
        }
        archive.Position = 0;
        await Client.Containers.PutContainerArchiveAsync(id, folder, archive, cancellationToken: ct).ConfigureAwait(false);
    }

    public async Task<byte[]> GetFileAsync(string id, string path, CancellationToken ct)
    {
        ContainerPath.Check(path);
        var archive = await Client.Containers.ArchiveAsync(id, path, ct).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
            return await ContainerPath.ReadSingleFileAsync(archive, path, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The host folder <paramref name="source"/> into the container's folder <paramref name="target"/> (which must
    /// exist), as <c>docker cp DIR CONTAINER:TARGET</c> with a trailing <c>/.</c>: its contents, links kept as links.
    /// </summary>
    public async Task CopyDirectoryInAsync(string id, string source, string target, CancellationToken ct)
    {
        ContainerPath.Check(target);
        if (!Directory.Exists(source))
            throw new DirectoryNotFoundException($"no folder '{source}' to copy into the container");
        await Client.Containers.ArchiveInfoAsync(id, target, ct).ConfigureAwait(false);
        // A temporary file, not memory: a folder may be large; the engine wants to know the length.
        var temp = Path.Combine(Path.GetTempPath(), $"dockerapi-cp-{Guid.NewGuid():N}.tar");
        var archive = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (archive.ConfigureAwait(false))
        {
            await TarFile.CreateFromDirectoryAsync(source, archive, includeBaseDirectory: false, ct).ConfigureAwait(false);
            archive.Position = 0;
            await Client.Containers.PutContainerArchiveAsync(id, target, archive, cancellationToken: ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The container's path <paramref name="source"/> (a folder or a file) into the host folder <paramref name="target"/>,
    /// as <c>docker cp CONTAINER:SOURCE TARGET</c>: it arrives as <c>TARGET/name</c>. Entries that would land outside the
    /// target (<c>..</c>, absolute names, links leaving it) are refused by the extraction, and nothing past them is written.
    /// </summary>
    public async Task CopyOutAsync(string id, string source, string target, CancellationToken ct)
    {
        ContainerPath.Check(source);
        Directory.CreateDirectory(target);
        var archive = await Client.Containers.ArchiveAsync(id, source, ct).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            try
            {
                await TarFile.ExtractToDirectoryAsync(archive, target, overwriteFiles: true, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException && e is not OperationCanceledException)
            {
                throw new DockerProtocolException($"the archive of {source} cannot be written to {target}: {e.Message}", "ContainerArchive", e);
            }
        }
    }
}
