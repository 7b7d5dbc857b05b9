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
    public Task<ImageDetails> InspectAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return Engine.InspectImageAsync(reference, cancellationToken);
    }

    /// <summary>The layers of the image, newest first (<c>docker history</c>).</summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such image.</exception>
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
    /// <c>docker build</c> with the legacy builder: the context is what the folder's <c>.dockerignore</c> leaves in,
    /// read as Docker reads it (<see cref="Build.DockerIgnore"/>).
    /// </summary>
    /// <param name="directory">The build context.</param>
    /// <param name="options">Tag, Dockerfile, build arguments, target…; null for the defaults.</param>
    /// <param name="progress">Each line of the build's output as it arrives (<c>Step 1/3 : FROM busybox</c>); or null.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The id of the image built.</returns>
    /// <exception cref="DockerStreamException">A step failed; the message is the engine's (a RUN's exit code).</exception>
    /// <exception cref="DockerConfigException">The .dockerignore cannot be read or has a malformed pattern.</exception>
    /// <exception cref="Transport.DockerVersionException">An option the daemon's API does not have (build arguments on 2013's); nothing was sent.</exception>
    /// <example>
    /// <code>
    /// var id = await docker.Images.BuildAsync("./app", new BuildOptions { Tag = "app:dev" }, new Progress&lt;string&gt;(Console.WriteLine));
    /// </code>
    /// </example>
    public Task<string> BuildAsync(string directory, Build.BuildOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        Engine.BuildAsync(directory, options ?? new Build.BuildOptions(), progress, cancellationToken);

    /// <summary>
    /// Removes unused images (<c>docker image prune</c>): the dangling ones, or with the filter <c>dangling=false</c> every
    /// one no container uses; also <c>until</c> and <c>label</c>.
    /// </summary>
    /// <exception cref="Transport.DockerVersionException">A 2013 daemon (prunes came with API 1.25); nothing was sent.</exception>
    public async Task<PruneResult> PruneAsync(Requests.DockerFilters? filters = null, CancellationToken cancellationToken = default) =>
        await _docker.Modern("ImagePrune", "1.25").PruneImagesAsync(filters, cancellationToken).ConfigureAwait(false);

    /// <summary>Whether the daemon has the image <paramref name="reference"/>.</summary>
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
    /// A name as the docker CLI shows it: Docker Hub's <c>docker.io/library/</c> and <c>docker.io/</c> left out, as
    /// Docker does and Podman does not (it lists <c>test:latest</c> as <c>docker.io/library/test:latest</c>).
    /// </summary>
    public static string Familiar(string name) =>
        name.StartsWith("docker.io/library/", StringComparison.Ordinal) && name.IndexOf('/', 18) < 0 ? name[18..]
        : name.StartsWith("docker.io/", StringComparison.Ordinal) ? name[10..]
        : name;
}
