namespace DockerApi;

/// <summary>Files in and out of the container (API 1.20 and later).</summary>
public sealed partial class Container
{
    private const string ArchiveSince = "1.20";

    /// <summary>Writes <paramref name="content"/> as the file <paramref name="path"/> (an absolute path whose folder exists), mode 0644.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not an absolute path of a file.</exception>
    /// <exception cref="DockerApiException">The engine refused: 404 when the folder does not exist.</exception>
    /// <exception cref="Transport.DockerVersionException">The daemon's API has no archive (before 1.20); nothing was sent.</exception>
    /// <example><code>await c.WriteFileAsync("/tmp/in.bin", bytes);</code></example>
    public async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        await _docker.Modern("PutContainerArchive", ArchiveSince).PutFileAsync(Id, path, content, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the regular file <paramref name="path"/> out of the container (at most 64 MiB).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not an absolute path, or names something other than a regular file.</exception>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such file.</exception>
    /// <example><code>byte[] back = await c.ReadFileAsync("/tmp/in.bin");</code></example>
    public async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        await _docker.Modern("ContainerArchive", ArchiveSince).GetFileAsync(Id, path, cancellationToken).ConfigureAwait(false);

    /// <summary>What <paramref name="path"/> is in the container: size, mode, folder or link, when it changed.</summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such path.</exception>
    /// <example><code>var info = await c.StatAsync("/etc/passwd"); // info.Size, info.Mode, info.IsDirectory</code></example>
    public async Task<ArchiveInfo> StatAsync(string path, CancellationToken cancellationToken = default) =>
        await _docker.Modern("ContainerArchiveInfo", ArchiveSince).StatAsync(Id, path, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Copies the contents of the host folder <paramref name="hostDirectory"/> into the container's existing folder
    /// <paramref name="containerDirectory"/> (<c>docker cp DIR/. CONTAINER:DIR</c>), sub-folders and links as they are.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">There is no such host folder.</exception>
    /// <exception cref="DockerApiException">The engine refused: 404 when the container's folder does not exist.</exception>
    /// <example><code>await c.CopyToAsync("./site", "/usr/share/nginx/html");</code></example>
    public async Task CopyToAsync(string hostDirectory, string containerDirectory, CancellationToken cancellationToken = default) =>
        await _docker.Modern("PutContainerArchive", ArchiveSince).CopyDirectoryInAsync(Id, hostDirectory, containerDirectory, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Copies the container's <paramref name="containerPath"/> (a folder with all it holds, or a file) into the host folder
    /// <paramref name="hostDirectory"/>, made when missing (<c>docker cp CONTAINER:PATH DIR</c>): it arrives as
    /// <c>DIR/name</c>. An entry that would land outside <paramref name="hostDirectory"/> is refused.
    /// </summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such path.</exception>
    /// <exception cref="DockerProtocolException">The archive cannot be written there (an entry leaving the folder, a full disk).</exception>
    /// <example><code>await c.CopyFromAsync("/var/log/app", "./logs"); // ./logs/app/…</code></example>
    public async Task CopyFromAsync(string containerPath, string hostDirectory, CancellationToken cancellationToken = default) =>
        await _docker.Modern("ContainerArchive", ArchiveSince).CopyOutAsync(Id, containerPath, hostDirectory, cancellationToken).ConfigureAwait(false);
}
