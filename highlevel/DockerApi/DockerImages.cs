using DockerApi.Engines;

namespace DockerApi;

/// <summary>The images of a daemon, as docker-py's <c>client.images</c>.</summary>
public sealed class DockerImages
{
    private readonly Docker _docker;

    internal DockerImages(Docker docker) => _docker = docker;

    private IEngine Engine => _docker.Engine;

    /// <summary>
    /// Pulls <paramref name="reference"/> (<c>busybox</c>, <c>busybox:1.36</c>, <c>127.0.0.1:5000/app:1</c>,
    /// <c>alpine@sha256:…</c>; no tag means <c>latest</c>) with the credentials <c>docker login</c> stored for its
    /// registry.
    /// </summary>
    /// <param name="reference">The image to pull.</param>
    /// <param name="progress">Each message as it arrives, with where every layer stands (<see cref="PullProgress.Layers"/>: the docker CLI's lines); or null.</param>
    /// <param name="cancellationToken">Cancels the pull.</param>
    /// <exception cref="DockerApiException">The engine refused: 404 for a repository it cannot find, 401 for missing credentials.</exception>
    /// <exception cref="DockerStreamException">The pull failed after it began; the message is the engine's.</exception>
    /// <exception cref="DockerConfigException">The stored credentials cannot be read.</exception>
    /// <example>
    /// <code>
    /// await docker.Images.PullAsync("busybox:1.36", new Progress&lt;PullProgress&gt;(p =>
    ///     Console.WriteLine(string.Join(" | ", p.Layers.Select(l => $"{l.Id}: {l.Status}")))));
    /// </code>
    /// </example>
    public Task PullAsync(string reference, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (repository, tag) = ImageReference.Split(reference);
        return Engine.PullAsync(repository, tag, progress, cancellationToken);
    }

    /// <summary>Pushes <paramref name="reference"/> to its registry with the credentials <c>docker login</c> stored for it (<c>docker push</c>).</summary>
    /// <param name="reference">The image, named for its registry: <c>127.0.0.1:5000/app:1</c>.</param>
    /// <param name="progress">Each message as it arrives, with where every layer stands; or null.</param>
    /// <param name="cancellationToken">Cancels the push.</param>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such image.</exception>
    /// <exception cref="DockerStreamException">The push failed after it began (the registry refused the credentials, say).</exception>
    /// <example><code>await docker.Images.TagAsync("app:dev", "127.0.0.1:5000/app:1"); await docker.Images.PushAsync("127.0.0.1:5000/app:1");</code></example>
    public Task PushAsync(string reference, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (repository, tag) = ImageReference.Split(reference);
        return Engine.PushAsync(repository, tag, progress, cancellationToken);
    }

    /// <summary>Gives the image <paramref name="image"/> the name <paramref name="reference"/> too (<c>docker tag</c>).</summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such image.</exception>
    /// <example><code>await docker.Images.TagAsync("app:latest", "registry.example.com/app:1.2");</code></example>
    public Task TagAsync(string image, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        var (repository, tag) = ImageReference.Split(reference);
        return Engine.TagAsync(image, repository, tag, cancellationToken);
    }

    /// <summary>The daemon's images (<c>docker images</c>), those that match <paramref name="filters"/> (<c>reference</c>, <c>label</c>, <c>dangling</c>…).</summary>
    /// <param name="filters">Which; null for all.</param>
    /// <param name="all">Intermediate images too (<c>-a</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Transport.DockerVersionException">Filters on a 2013 daemon, whose list had none; nothing was sent.</exception>
    /// <example><code>var mine = await docker.Images.ListAsync(new DockerFilters().Add("reference", "app:*"));</code></example>
    public Task<IReadOnlyList<ImageInfo>> ListAsync(Requests.DockerFilters? filters = null, bool all = false, CancellationToken cancellationToken = default) =>
        Engine.ListImagesAsync(all, filters, cancellationToken);

    /// <summary>What the engine says of the image (<c>docker image inspect</c>).</summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such image.</exception>
    /// <example><code>var image = await docker.Images.InspectAsync("alpine:3.20"); Console.WriteLine(image.Id);</code></example>
    public Task<ImageDetails> InspectAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return Engine.InspectImageAsync(reference, cancellationToken);
    }

    /// <summary>The layers of the image, newest first (<c>docker history</c>).</summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such image.</exception>
    /// <example>
    /// <code>
    /// foreach (var layer in await docker.Images.HistoryAsync("app:latest"))
    ///     Console.WriteLine($"{layer.Size,12} {layer.CreatedBy}");
    /// </code>
    /// </example>
    public Task<IReadOnlyList<ImageLayer>> HistoryAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return Engine.HistoryAsync(reference, cancellationToken);
    }

    /// <summary>Makes an image of a tar of a root file system (<c>docker import</c>), named <paramref name="reference"/> when given.</summary>
    /// <returns>The new image's id.</returns>
    /// <example><code>await using var tar = File.OpenRead("rootfs.tar"); var id = await docker.Images.ImportAsync(tar, "base:1");</code></example>
    public Task<string> ImportAsync(Stream archive, string? reference = null, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var (repository, tag) = reference is null ? (null, null) : ImageReference.Split(reference);
        return Engine.ImportAsync(archive, repository, tag, progress, cancellationToken);
    }

    /// <summary>
    /// Builds an image from <paramref name="directory"/> (its Dockerfile and the rest as the context), as
    /// <c>docker build</c>: the context is what the folder's <c>.dockerignore</c> leaves in, read as Docker reads it
    /// (<see cref="Build.DockerIgnore"/>); the builder is the docker CLI's choice unless <see cref="Build.BuildOptions.Builder"/> says.
    /// </summary>
    /// <param name="directory">The build context.</param>
    /// <param name="options">Tag, Dockerfile, build arguments, target, builder…; null for the defaults.</param>
    /// <param name="progress">
    /// Each line of output as it arrives: the legacy builder's (<c>Step 1/3 : FROM busybox</c>), or BuildKit's as
    /// <c>--progress plain</c> shows them (<c>#5 [stage-0 2/3] RUN make</c>, <c>#5 DONE 0.4s</c>); or null.
    /// </param>
    /// <param name="cancellationToken">Cancels the build (on the engine too).</param>
    /// <returns>The id of the image built.</returns>
    /// <exception cref="DockerStreamException">A step failed: the engine's message, with BuildKit the step's name and its last output.</exception>
    /// <exception cref="DockerConfigException">The .dockerignore cannot be read or has a malformed pattern.</exception>
    /// <exception cref="Transport.DockerVersionException">An option the daemon's API does not have (build arguments on 2013's, BuildKit before 1.39); nothing was sent.</exception>
    /// <example>
    /// <code>
    /// var id = await docker.Images.BuildAsync("./app", new BuildOptions { Tag = "app:dev", Builder = Builder.BuildKit }, new Progress&lt;string&gt;(Console.WriteLine));
    /// </code>
    /// </example>
    public async Task<string> BuildAsync(string directory, Build.BuildOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var plain = new Build.BuildKit.PlainProgress();
        await foreach (var update in BuildStreamAsync(directory, options, cancellationToken).ConfigureAwait(false))
        {
            if (update.ImageId is { } id)
                return id;
            if (progress is not null)
            {
                foreach (var line in plain.Lines(update))
                    progress.Report(line);
            }
        }
        throw new DockerProtocolException("the build ended without naming the image it built", "ImageBuild");
    }

    /// <summary>
    /// Builds as <see cref="BuildAsync"/> does, giving each update as it arrives: with BuildKit its steps, their progress,
    /// output and warnings, typed; with the legacy builder its lines. The last update carries <see cref="Build.BuildUpdate.ImageId"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// await foreach (var u in docker.Images.BuildStreamAsync("./app", new BuildOptions { Builder = Builder.BuildKit }))
    ///     foreach (var step in u.Steps.Where(s => s.Completed is not null))
    ///         Console.WriteLine($"{step.Name}: {(step.Cached ? "cached" : "done")}");
    /// </code>
    /// </example>
    public IAsyncEnumerable<Build.BuildUpdate> BuildStreamAsync(string directory, Build.BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return Engine.BuildAsync(directory, options ?? new Build.BuildOptions(), cancellationToken);
    }

    /// <summary>Whether the daemon has the image <paramref name="reference"/>.</summary>
    /// <example><code>if (!await docker.Images.ExistsAsync("alpine:3.20")) await docker.Images.PullAsync("alpine:3.20");</code></example>
    public Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return Lookup.ExistsAsync(Engine.InspectImageAsync(reference, cancellationToken));
    }

    /// <summary>Removes the image (its tag; the layers when no other tag holds them), as <c>docker rmi</c>.</summary>
    /// <param name="reference">The image.</param>
    /// <param name="force">Also when containers use it or it has several tags (<c>-f</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was done, a line each, as the docker CLI prints it: <c>Untagged: busybox:latest</c>, <c>Deleted: sha256:…</c>.</returns>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such image, 409 when a container uses it.</exception>
    /// <example><code>var gone = await docker.Images.RemoveAsync("app:old"); // the names untagged and the ids deleted</code></example>
    public Task<IReadOnlyList<string>> RemoveAsync(string reference, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return Engine.RemoveImageAsync(reference, force, cancellationToken);
    }
}

/// <summary>Image references as the docker CLI reads them.</summary>
internal static class ImageReference
{
    /// <summary>
    /// The repository and the tag (or digest) of <paramref name="reference"/>: the tag follows the last <c>:</c> after the
    /// last <c>/</c> (a registry's port is not a tag), a digest follows <c>@</c>; none means <c>latest</c>.
    /// </summary>
    public static (string Repository, string Tag) Split(string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var at = reference.IndexOf('@');
        if (at > 0)
            return (reference[..at], reference[(at + 1)..]);
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? (reference[..colon], reference[(colon + 1)..]) : (reference, "latest");
    }

    /// <summary>
    /// An image id in the one form inspect gives it: <c>sha256:</c> and 64 hex digits. Podman's commit answer leaves the
    /// algorithm out (its inspect of the same image does not).
    /// </summary>
    public static string Id(string id) =>
        id.Length == 64 && id.All(char.IsAsciiHexDigitLower) ? "sha256:" + id : id;

    /// <summary>
    /// A name as the docker CLI shows it: Docker Hub's <c>docker.io/library/</c> and <c>docker.io/</c> left out, as
    /// Docker does and Podman does not (it lists <c>test:latest</c> as <c>docker.io/library/test:latest</c>).
    /// </summary>
    public static string Familiar(string name) =>
        name.StartsWith("docker.io/library/", StringComparison.Ordinal) && name.IndexOf('/', 18) < 0 ? name[18..]
        : name.StartsWith("docker.io/", StringComparison.Ordinal) ? name[10..]
        : name;
}
