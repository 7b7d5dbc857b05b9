namespace DockerApi.Engines;

/// <summary>
/// What the high-level client needs of a daemon, over the generated client of the API version negotiated with it: the
/// 2013 v1.2 client for docker 0.4 and the emulator, the newest client (negotiated down) for a modern engine. Each
/// implementation is where the two eras differ (attach order, framing, what exists at all).
/// </summary>
internal interface IEngine : IDisposable
{
    /// <summary>The API version the connection speaks.</summary>
    string ApiVersion { get; }

    /// <summary>Creates a container of <paramref name="image"/>; a missing image is the engine's <see cref="DockerApiException"/> (404).</summary>
    Task<string> CreateAsync(string image, IReadOnlyList<string>? command, ContainerOptions options, CancellationToken ct);

    /// <summary>
    /// Starts the created container and collects all it writes until its output ends, <paramref name="options"/>'
    /// input written to its stdin first: nothing is lost, however soon the process exits.
    /// </summary>
    Task<(byte[] Stdout, byte[] Stderr)> StartAndCollectAsync(string id, ContainerOptions options, CancellationToken ct);

    Task StartAsync(string id, CancellationToken ct);

    /// <summary>The containers that match <paramref name="filters"/> (running ones only unless <paramref name="all"/>).</summary>
    Task<IReadOnlyList<ContainerInfo>> ListAsync(bool all, Requests.DockerFilters? filters, CancellationToken ct);

    Task<long> WaitAsync(string id, CancellationToken ct);

    Task StopAsync(string id, TimeSpan timeout, CancellationToken ct);

    Task RemoveAsync(string id, CancellationToken ct);

    /// <summary>The container's output line by line, each with its stream; with <paramref name="follow"/>, until the container ends.</summary>
    IAsyncEnumerable<Streams.OutputLine> LogsAsync(string id, bool follow, CancellationToken ct);

    /// <summary>Runs <paramref name="command"/> in the running container; raises <see cref="Transport.DockerVersionException"/> where exec does not exist, before sending.</summary>
    Task<ExecResult> ExecAsync(string id, IReadOnlyList<string> command, CancellationToken ct);

    /// <summary>Writes one file into the container (its folder must exist).</summary>
    Task PutFileAsync(string id, string path, ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>Reads one regular file out of the container.</summary>
    Task<byte[]> GetFileAsync(string id, string path, CancellationToken ct);

    /// <summary>Pulls <paramref name="repository"/>:<paramref name="tag"/>; a failure inside the stream is raised.</summary>
    Task PullAsync(string repository, string tag, IProgress<PullProgress>? progress, CancellationToken ct);

    /// <summary>Whether the engine has the image.</summary>
    Task<bool> HasImageAsync(string image, CancellationToken ct);

    Task RemoveImageAsync(string image, CancellationToken ct);

    /// <summary>Builds the folder's image; each line of the build's output to <paramref name="progress"/>; returns the image's id.</summary>
    Task<string> BuildAsync(string directory, Build.BuildOptions options, IProgress<string>? progress, CancellationToken ct);
}
