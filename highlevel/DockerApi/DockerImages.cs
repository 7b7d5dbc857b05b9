using DockerApi.Engines;

namespace DockerApi;

/// <summary>The images of a daemon, as docker-py's <c>client.images</c>.</summary>
public sealed class DockerImages
{
    private readonly IEngine _engine;

    internal DockerImages(IEngine engine) => _engine = engine;

    /// <summary>
    /// Pulls <paramref name="reference"/> (<c>busybox</c>, <c>busybox:1.36</c>, <c>127.0.0.1:5000/app:1</c>,
    /// <c>alpine@sha256:…</c>; no tag means <c>latest</c>) with the credentials <c>docker login</c> stored for its
    /// registry.
    /// </summary>
    /// <param name="reference">The image to pull.</param>
    /// <param name="progress">Each message as it arrives, per layer as the docker CLI shows them; or null.</param>
    /// <param name="cancellationToken">Cancels the pull.</param>
    /// <exception cref="DockerApiException">The engine refused: 404 for a repository it cannot find, 401 for missing credentials.</exception>
    /// <exception cref="DockerStreamException">The pull failed after it began; the message is the engine's.</exception>
    /// <exception cref="DockerConfigException">The stored credentials cannot be read.</exception>
    /// <example>
    /// <code>
    /// await docker.Images.PullAsync("busybox:1.36", new Progress&lt;PullProgress&gt;(p => Console.WriteLine($"{p.Layer} {p.Status}")));
    /// </code>
    /// </example>
    public Task PullAsync(string reference, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (repository, tag) = ImageReference.Split(reference);
        return _engine.PullAsync(repository, tag, progress, cancellationToken);
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
        _engine.BuildAsync(directory, options ?? new Build.BuildOptions(), progress, cancellationToken);

    /// <summary>Whether the daemon has the image <paramref name="reference"/>.</summary>
    public Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return _engine.HasImageAsync(reference, cancellationToken);
    }

    /// <summary>Removes the image (its tag; the layers when no other tag holds them).</summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such image, 409 when a container uses it.</exception>
    public Task RemoveAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return _engine.RemoveImageAsync(reference, cancellationToken);
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
}
