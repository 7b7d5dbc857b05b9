using System.Runtime.CompilerServices;
using System.Text.Json;
using DockerApi.Configuration;
using DockerApi.Latest;
using DockerApi.Requests;
// Docker's Swarm task is DockerApi.Latest.Task; Task here is the framework's.
using Task = System.Threading.Tasks.Task;

namespace DockerApi.Engines;

/// <summary>A modern engine's images.</summary>
internal sealed partial class ModernEngine
{
    public async Task PullAsync(string repository, string tag, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        var auth = await RegistryCredentials.ForImageAsync(repository, cancellationToken: ct).ConfigureAwait(false);
        var tracker = new ProgressTracker(progress);
        await foreach (var m in Client.Images.CreateAsync(fromImage: repository, tag: tag, xRegistryAuth: auth, cancellationToken: ct).ConfigureAwait(false))
            tracker.Report(m.Id != tag ? m.Id : null, m.Status, m.ProgressDetail?.Current, m.ProgressDetail?.Total);
    }

    /// <summary>
    /// A push always carries a registry auth header (the engine requires one): the stored credentials, or the anonymous
    /// one. Docker's files give its messages no layer id, so they are reported for the image as a whole.
    /// </summary>
    public async Task PushAsync(string repository, string tag, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        var auth = await RegistryCredentials.ForImageAsync(repository, cancellationToken: ct).ConfigureAwait(false);
        var tracker = new ProgressTracker(progress);
        await foreach (var m in Client.Images.PushAsync(repository, auth, tag: tag, cancellationToken: ct).ConfigureAwait(false))
            tracker.Report(null, m.Status, m.ProgressDetail?.Current, m.ProgressDetail?.Total);
    }

    public async Task<string> ImportAsync(Stream archive, string? repository, string? tag, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        var tracker = new ProgressTracker(progress);
        string? id = null;
        await foreach (var m in Client.Images.CreateAsync(fromSrc: "-", repo: repository, tag: tag, inputImage: archive, cancellationToken: ct).ConfigureAwait(false))
        {
            tracker.Report(null, m.Status, m.ProgressDetail?.Current, m.ProgressDetail?.Total);
            // The last status is the new image's id; Podman sends it with an empty progressDetail ({}).
            if (m.Status is { Length: > 0 } status && m.ProgressDetail is null or { Current: null, Total: null })
                id = status;
        }
        if (id is null)
            throw new DockerProtocolException("the import ended without naming the image it made", "ImageCreate");
        if (repository is null)
            return ImageReference.Id(id);
        // Podman 4.3 tags an import "latest" whatever tag was asked: the name asked for is made here, so it exists on every
        // engine; and its last status is another digest than the image's id, so the id is asked for by that name.
        var reference = $"{repository}:{tag ?? "latest"}";
        if (!await Lookup.ExistsAsync(Client.Images.InspectAsync(reference, cancellationToken: ct)).ConfigureAwait(false))
            await Client.Images.TagAsync(id, repo: repository, tag: tag, cancellationToken: ct).ConfigureAwait(false);
        return (await Client.Images.InspectAsync(reference, cancellationToken: ct).ConfigureAwait(false)).Id ?? id;
    }

    public async Task<IReadOnlyList<ImageInfo>> ListImagesAsync(bool all, DockerFilters? filters, CancellationToken ct) =>
        (await Client.Images.ListAsync(all: all, filters: Lookup.FiltersOf(filters), cancellationToken: ct).ConfigureAwait(false))
            .Select(i => new ImageInfo(i.Id, (i.RepoTags ?? []).Where(t => t != "<none>:<none>").Select(ImageReference.Familiar).ToList(), Lookup.Time(i.Created), i.Size))
            .ToList();

    public async Task<ImageDetails> InspectImageAsync(string image, CancellationToken ct)
    {
        var i = await Client.Images.InspectAsync(image, cancellationToken: ct).ConfigureAwait(false);
        return new ImageDetails(i.Id ?? "", (i.RepoTags ?? []).Select(ImageReference.Familiar).ToList(), i.Created?.ToDateTimeOffset(), i.Size ?? 0,
            JsonSerializer.SerializeToElement(i, DockerJsonContext.Default.ImageInspect));
    }

    public async Task<IReadOnlyList<ImageLayer>> HistoryAsync(string image, CancellationToken ct) =>
        (await Client.Images.HistoryAsync(image, cancellationToken: ct).ConfigureAwait(false))
            .Select(l => new ImageLayer(l.Id, Lookup.Time(l.Created), l.CreatedBy, (l.Tags ?? []).Select(ImageReference.Familiar).ToList(), l.Size)).ToList();

    public Task TagAsync(string image, string repository, string tag, CancellationToken ct) =>
        Client.Images.TagAsync(image, repo: repository, tag: tag, cancellationToken: ct);

    public async Task<IReadOnlyList<string>> RemoveImageAsync(string image, bool force, CancellationToken ct) =>
        (await Client.Images.DeleteAsync(image, force: force ? true : null, cancellationToken: ct).ConfigureAwait(false))
            .Select(e => e.Untagged is { } untagged ? "Untagged: " + ImageReference.Familiar(untagged) : "Deleted: " + e.Deleted).ToList();

    /// <summary>The legacy builder's JSON messages: text lines, and the image's id in an aux message (or, before, only as text).</summary>
    private async IAsyncEnumerable<Build.BuildUpdate> LegacyBuildAsync(Stream context, Build.BuildOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        string? id = null;
        await foreach (var message in Client.Images.BuildAsync(context, dockerfile: options.Dockerfile, t: options.Tag, nocache: options.NoCache ? true : null,
            pull: options.Pull ? "1" : null, rm: true, buildargs: Json(options.BuildArgs), labels: Json(options.Labels), networkmode: options.Network,
            target: options.Target, contentType: "application/x-tar", cancellationToken: ct).ConfigureAwait(false))
        {
            if (message.Stream is { Length: > 0 } text)
                yield return new Build.BuildUpdate([], [], [], [], text.TrimEnd('\n'), null);
            else if (message.Status is { Length: > 0 } status)
                yield return new Build.BuildUpdate([], [], [], [], status, null);
            if (message.Aux?.ID is { Length: > 0 } built)
                id = built;
            else if (message.Stream?.StartsWith("Successfully built ", StringComparison.Ordinal) == true)
                id ??= message.Stream["Successfully built ".Length..].Trim();
        }
        yield return new Build.BuildUpdate([], [], [], [], null, id ?? throw new DockerProtocolException("the build ended without naming the image it built", "ImageBuild"));
    }

    /// <summary>A map as the JSON object the build's <c>buildargs</c> and <c>labels</c> take; null for none.</summary>
    private static string? Json(IReadOnlyDictionary<string, string>? values) =>
        values is { Count: > 0 } ? JsonSerializer.Serialize(values, HighLevelJson.Default.IReadOnlyDictionaryStringString) : null;
}
