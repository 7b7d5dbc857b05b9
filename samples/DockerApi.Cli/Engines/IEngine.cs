using DockerApi.Streams;
using DockerApi.Transport;

namespace DockerApi.Cli.Engines;

/// <summary>
/// What the commands need from a daemon, over the generated client of the API version negotiated with it: the
/// 2013 v1.2 client for the emulator (or a 0.4 daemon), the newest client (negotiated down) for a modern Docker Engine.
/// </summary>
internal interface IEngine : IDisposable
{
    /// <summary>The API version the client speaks.</summary>
    string ApiVersion { get; }

    /// <summary>
    /// True when run attaches before it starts the container (modern daemons, as docker does); 2013's run starts first
    /// and attaches with <c>logs=1</c>, as the documents of the time say.
    /// </summary>
    bool AttachesBeforeStart { get; }

    Task<IReadOnlyList<(string Name, string Value)>> VersionAsync(CancellationToken ct);

    Task<IReadOnlyList<(string Name, string Value)>> InfoAsync(CancellationToken ct);

    Task<IReadOnlyList<ContainerRow>> ContainersAsync(bool all, CancellationToken ct);

    Task<IReadOnlyList<ImageRow>> ImagesAsync(bool all, CancellationToken ct);

    /// <summary>Pulls; <paramref name="credential"/> is what `docker login` stored for the registry, or null.</summary>
    IAsyncEnumerable<ProgressUpdate> PullAsync(string repository, string? tag, DockerApi.Configuration.RegistryCredential? credential, CancellationToken ct);

    /// <summary>Pushes with the stored <paramref name="credential"/> (null: anonymous).</summary>
    IAsyncEnumerable<ProgressUpdate> PushAsync(string repository, string? tag, DockerApi.Configuration.RegistryCredential? credential, CancellationToken ct);

    /// <summary>Asks the daemon to check <paramref name="credential"/> with its registry (POST /auth); returns its status and any identity token.</summary>
    Task<(string Status, string? IdentityToken)> LoginAsync(DockerApi.Configuration.RegistryCredential credential, CancellationToken ct);

    /// <summary>Imports a tar; the last update's status is the new image's id.</summary>
    IAsyncEnumerable<ProgressUpdate> ImportAsync(Stream archive, string? repository, string? tag, CancellationToken ct);

    /// <summary>Creates a container; a missing image raises <see cref="DockerApiException"/> 404.</summary>
    Task<CreatedContainer> CreateAsync(RunOptions options, CancellationToken ct);

    Task StartAsync(string id, CancellationToken ct);

    Task<ContainerOutput> AttachAsync(string id, bool logs, bool stream, bool stdin, CancellationToken ct);

    Task<ContainerOutput> LogsAsync(string id, CancellationToken ct);

    /// <summary>
    /// Runs a command in a running container: <paramref name="pump"/> moves its input and output, then the exit code
    /// is returned. <see cref="NotSupportedException"/> on daemons older than exec (API 1.15).
    /// </summary>
    Task<long> ExecAsync(string id, IReadOnlyList<string> command, bool interactive, bool tty, Func<ContainerOutput, Task> pump, CancellationToken ct);

    Task<long> WaitAsync(string id, CancellationToken ct);

    Task StopAsync(string id, CancellationToken ct);

    Task KillAsync(string id, CancellationToken ct);

    Task RemoveAsync(string id, CancellationToken ct);

    /// <summary>Removes an image; one line per effect (<c>Untagged: …</c>, <c>Deleted: …</c>).</summary>
    Task<IReadOnlyList<string>> RemoveImageAsync(string name, CancellationToken ct);

    Task TagAsync(string image, string repository, string? tag, CancellationToken ct);

    /// <summary>Commits a container; returns the new image's id.</summary>
    Task<string> CommitAsync(string container, string? repository, string? tag, CancellationToken ct);

    /// <summary>Builds DIR (its Dockerfile and the rest as context); the build's output text as it arrives.</summary>
    IAsyncEnumerable<string> BuildAsync(string directory, string? tag, CancellationToken ct);

    Task<IReadOnlyList<HistoryRow>> HistoryAsync(string image, CancellationToken ct);

    /// <summary>A container, else an image, as indented JSON.</summary>
    Task<string> InspectAsync(string name, CancellationToken ct);
}

internal sealed record ContainerRow(string Id, string Image, string Command, long? Created, string Status);

internal sealed record ImageRow(string Repository, string Tag, string Id, long? Created, long Size);

internal sealed record HistoryRow(string Id, long? Created, string CreatedBy, IReadOnlyList<string> Tags);

/// <summary>One message of pull or import: a status line, or how far a download is (0–100).</summary>
internal sealed record ProgressUpdate(string? Status, double? Percent);

/// <summary><c>docker run</c>'s options: <c>-i -t -d --rm -e NAME=VALUE --name NAME --network MODE</c>.</summary>
internal sealed record RunOptions(string Image, IReadOnlyList<string>? Command, bool Interactive, bool Tty, bool Detach)
{
    public bool Remove { get; init; }

    public IReadOnlyList<string> Environment { get; init; } = [];

    public string? Name { get; init; }

    public string? Network { get; init; }
}

internal sealed record CreatedContainer(string Id, IReadOnlyList<string> Warnings);

/// <summary>A container's output (raw with a TTY or on 2013 daemons, else multiplexed) and, when attached, its input.</summary>
internal sealed class ContainerOutput(MultiplexedStream output) : IAsyncDisposable
{
    public MultiplexedStream Output { get; } = output;

    /// <summary>Stdin of an attach or exec: the hijacked connection under the output; null for logs.</summary>
    public DockerHijackedStream? Input => Output.Inner as DockerHijackedStream;

    public ValueTask DisposeAsync() => Output.DisposeAsync();
}
