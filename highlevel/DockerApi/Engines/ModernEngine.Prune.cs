using DockerApi.Requests;

namespace DockerApi.Engines;

/// <summary>A modern engine's prunes (API 1.25 and later), each with the filters the engine takes.</summary>
internal sealed partial class ModernEngine
{
    public async Task<PruneResult> PruneContainersAsync(DockerFilters? filters, CancellationToken ct)
    {
        var answer = await Client.Containers.PruneAsync(Lookup.FiltersOf(filters), ct).ConfigureAwait(false);
        return new PruneResult(answer.ContainersDeleted ?? [], answer.SpaceReclaimed ?? 0);
    }

    public async Task<PruneResult> PruneImagesAsync(DockerFilters? filters, CancellationToken ct)
    {
        var answer = await Client.Images.PruneAsync(Lookup.FiltersOf(filters), ct).ConfigureAwait(false);
        return new PruneResult((answer.ImagesDeleted ?? []).Select(e => e.Untagged is { } untagged ? "Untagged: " + ImageReference.Familiar(untagged) : "Deleted: " + e.Deleted).ToList(),
            answer.SpaceReclaimed ?? 0);
    }

    public async Task<PruneResult> PruneNetworksAsync(DockerFilters? filters, CancellationToken ct) =>
        new((await Client.Networks.PruneAsync(Lookup.FiltersOf(filters), ct).ConfigureAwait(false)).NetworksDeleted ?? [], 0);

    public async Task<PruneResult> PruneVolumesAsync(DockerFilters? filters, CancellationToken ct)
    {
        var answer = await Client.Volumes.PruneAsync(Lookup.FiltersOf(filters), ct).ConfigureAwait(false);
        return new PruneResult(answer.VolumesDeleted ?? [], answer.SpaceReclaimed ?? 0);
    }
}
