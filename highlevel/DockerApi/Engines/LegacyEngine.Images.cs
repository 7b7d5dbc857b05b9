using System.Text.Json;
using DockerApi.Configuration;
using DockerApi.Requests;
using DockerApi.Transport;
using DockerApi.V1_2;

namespace DockerApi.Engines;

/// <summary>A 2013 daemon's images.</summary>
internal sealed partial class LegacyEngine
{
    /// <summary>API 1.2's pull carries no credentials: the 2013 daemon used those its own <c>/auth</c> stored. Its progress is text, not numbers.</summary>
    public Task PullAsync(string repository, string tag, IProgress<PullProgress>? progress, CancellationToken ct) =>
        ReportAsync(Client.Images.CreateAsync(fromImage: repository, tag: tag, cancellationToken: ct), progress, ct);

    /// <summary>2013's push carried the credentials in its body.</summary>
    public async Task PushAsync(string repository, string tag, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        var credential = await RegistryCredentials.GetAsync(RegistryCredentials.RegistryOf(repository), cancellationToken: ct).ConfigureAwait(false);
        await ReportAsync(Client.Images.PushAsync($"{repository}:{tag}", AuthOf(credential), cancellationToken: ct), progress, ct).ConfigureAwait(false);
    }

    public async Task<string> ImportAsync(Stream archive, string? repository, string? tag, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        var tracker = new ProgressTracker(progress);
        string? id = null;
        await foreach (var m in Client.Images.CreateAsync(fromSrc: "-", repo: repository, tag: tag, inputImage: archive, cancellationToken: ct).ConfigureAwait(false))
        {
            tracker.Report(null, m.Status, null, null);
            if (m.Status is { Length: > 0 } status && m.Progress is null)
                id = status; // the last status is the new image's id
        }
        return id ?? throw new DockerProtocolException("the import ended without naming the image it made", "ImageCreate");
    }

    private static async Task ReportAsync(IAsyncEnumerable<ProgressMessage> messages, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        var tracker = new ProgressTracker(progress);
        await foreach (var m in messages.WithCancellation(ct).ConfigureAwait(false))
            tracker.Report(null, m.Progress is { Length: > 0 } text ? $"{m.Status} {text}" : m.Status, null, null);
    }

    /// <summary>2013 listed a row per tag: rows of one id are one image.</summary>
    public async Task<IReadOnlyList<ImageInfo>> ListImagesAsync(bool all, DockerFilters? filters, CancellationToken ct)
    {
        if (filters is { IsEmpty: false })
            throw new DockerVersionException("ImageList (filters)", "1.25", ApiVersion);
        return (await Client.Images.ListAsync(all: all, cancellationToken: ct).ConfigureAwait(false))
            .GroupBy(i => i.Id ?? "")
            .Select(g => new ImageInfo(g.Key, g.Where(i => i.Repository is { Length: > 0 } and not "<none>").Select(i => $"{i.Repository}:{i.Tag}").ToList(),
                Lookup.Time(g.First().Created), g.First().VirtualSize ?? g.First().Size ?? 0))
            .ToList();
    }

    public async Task<ImageDetails> InspectImageAsync(string image, CancellationToken ct)
    {
        var i = await Client.Images.InspectAsync(image, ct).ConfigureAwait(false);
        return new ImageDetails(i.Id ?? "", [], i.Created?.ToDateTimeOffset(), i.Size ?? 0,
            JsonSerializer.SerializeToElement(i, DockerJsonContext.Default.ImageInspectResponse));
    }

    public async Task<IReadOnlyList<ImageLayer>> HistoryAsync(string image, CancellationToken ct) =>
        (await Client.Images.HistoryAsync(image, ct).ConfigureAwait(false))
            .Select(l => new ImageLayer(l.Id ?? "", Lookup.Time(l.Created), l.CreatedBy ?? "", l.Tags ?? [], 0)).ToList();

    public Task TagAsync(string image, string repository, string tag, CancellationToken ct) =>
        Client.Images.TagAsync(image, repo: repository, tag: tag, cancellationToken: ct);

    public async Task<IReadOnlyList<string>> RemoveImageAsync(string image, bool force, CancellationToken ct)
    {
        if (force)
            throw new DockerVersionException("ImageDelete (force)", "1.9", ApiVersion);
        return (await Client.Images.DeleteAsync(image, ct).ConfigureAwait(false))
            .Select(e => e.Untagged is { } untagged ? "Untagged: " + untagged : "Deleted: " + e.Deleted).ToList();
    }

    /// <summary>0.4's build is multipart: the Dockerfile, and the folder as a tar context; it took a tag and nothing else.</summary>
    public async IAsyncEnumerable<Build.BuildUpdate> BuildAsync(string directory, Build.BuildOptions options,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Refuse(options.BuildArgs, "ImageBuild (build arguments)", "1.21");
        Refuse(options.Target, "ImageBuild (target)", "1.29");
        Refuse(options.Network, "ImageBuild (network)", "1.25");
        Refuse(options.Labels, "ImageBuild (labels)", "1.23");
        Refuse(options.NoCache ? true : null, "ImageBuild (no cache)", "1.4");
        Refuse(options.Pull ? true : null, "ImageBuild (pull)", "1.16");
        Refuse(options.Session, "ImageBuild (BuildKit session)", "1.39");
        Refuse(options.Builder == Build.Builder.BuildKit ? true : null, "ImageBuild (BuildKit)", "1.39");
        using var context = await Build.BuildContext.TarAsync(directory, options.Dockerfile, ct).ConfigureAwait(false);
        await using var dockerfile = File.OpenRead(Path.Combine(directory, options.Dockerfile));
        string? id = null;
        await foreach (var line in Client.Images.BuildAsync(dockerfile, context, options.Tag, ct).ConfigureAwait(false))
        {
            id ??= line.ImageId;
            yield return new Build.BuildUpdate([], [], [], [], line.Text, null);
        }
        yield return new Build.BuildUpdate([], [], [], [], null,
            id ?? throw new DockerStreamException("the build output ended without 'Successfully built <id>'", "ImageBuild"));
    }
}
