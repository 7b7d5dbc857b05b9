using DockerApi.Configuration;
using DockerApi.Requests;
using DockerApi.Streams;

namespace DockerApi.Engines;

/// <summary>
/// What the high-level client needs of a daemon, over the generated client of the API version negotiated with it: the
/// 2013 v1.2 client for docker 0.4 and the emulator, the newest client (negotiated down) for a modern engine. Each
/// implementation is where the two eras differ (attach order, framing, what exists at all); what only modern engines
/// have is on <see cref="ModernEngine"/> alone.
/// </summary>
internal interface IEngine : IDisposable
{
    /// <summary>The API version the connection speaks.</summary>
    string ApiVersion { get; }

    Task<EngineVersion> VersionAsync(CancellationToken ct);

    Task<EngineInfo> InfoAsync(CancellationToken ct);

    /// <summary>Checks <paramref name="credential"/> with its registry through the daemon; the status and any identity token.</summary>
    Task<(string Status, string? IdentityToken)> LoginAsync(RegistryCredential credential, CancellationToken ct);

    /// <summary>Creates a container of <paramref name="image"/>; a missing image is the engine's <see cref="DockerApiException"/> (404).</summary>
    Task<string> CreateAsync(string image, IReadOnlyList<string>? command, ContainerOptions options, CancellationToken ct);

    /// <summary>
    /// Starts the created container and collects all it writes until its output ends, <paramref name="options"/>'
    /// input written to its stdin first: nothing is lost, however soon the process exits.
    /// </summary>
    Task<(byte[] Stdout, byte[] Stderr)> StartAndCollectAsync(string id, ContainerOptions options, CancellationToken ct);

    Task StartAsync(string id, CancellationToken ct);

    /// <summary>
    /// Attaches to the container's output (and input with <paramref name="stdin"/>); with <paramref name="logs"/>, what
    /// it wrote before comes first. <paramref name="tty"/> is how its output is framed.
    /// </summary>
    Task<ContainerAttachment> AttachAsync(string id, bool stdin, bool logs, bool tty, CancellationToken ct);

    /// <summary>Whether an attach made before the start sees all output (modern engines); 2013 starts, then attaches with logs.</summary>
    bool AttachesBeforeStart { get; }

    /// <summary>The containers that match <paramref name="filters"/> (running ones only unless <paramref name="all"/>).</summary>
    Task<IReadOnlyList<ContainerInfo>> ListAsync(bool all, DockerFilters? filters, CancellationToken ct);

    Task<ContainerDetails> InspectAsync(string id, CancellationToken ct);

    Task<long> WaitAsync(string id, CancellationToken ct);

    Task StopAsync(string id, TimeSpan timeout, CancellationToken ct);

    Task KillAsync(string id, string? signal, CancellationToken ct);

    /// <summary>Removes the container with its anonymous volumes; by <paramref name="force"/> a running one too (killed first where the engine has no force).</summary>
    Task RemoveAsync(string id, bool force, CancellationToken ct);

    /// <summary>The container's output line by line, each with its stream; with <paramref name="follow"/>, until the container ends.</summary>
    IAsyncEnumerable<OutputLine> LogsAsync(string id, bool follow, CancellationToken ct);

    /// <summary>Starts <paramref name="command"/> in the running container; raises <see cref="Transport.DockerVersionException"/> where exec does not exist, before sending.</summary>
    Task<ExecProcess> StartExecAsync(string id, IReadOnlyList<string> command, ExecOptions options, CancellationToken ct);

    /// <summary>Commits the container as an image; its id.</summary>
    Task<string> CommitAsync(string id, string? repository, string? tag, CancellationToken ct);

    /// <summary>Pulls <paramref name="repository"/>:<paramref name="tag"/> with the stored credentials; a failure inside the stream is raised.</summary>
    Task PullAsync(string repository, string tag, IProgress<PullProgress>? progress, CancellationToken ct);

    /// <summary>Pushes with the stored credentials; a failure inside the stream is raised.</summary>
    Task PushAsync(string repository, string tag, IProgress<PullProgress>? progress, CancellationToken ct);

    /// <summary>Imports a tar of a root file system as an image; its id.</summary>
    Task<string> ImportAsync(Stream archive, string? repository, string? tag, IProgress<PullProgress>? progress, CancellationToken ct);

    Task<IReadOnlyList<ImageInfo>> ListImagesAsync(bool all, DockerFilters? filters, CancellationToken ct);

    Task<ImageDetails> InspectImageAsync(string image, CancellationToken ct);

    Task<IReadOnlyList<ImageLayer>> HistoryAsync(string image, CancellationToken ct);

    Task TagAsync(string image, string repository, string tag, CancellationToken ct);

    /// <summary>Removes an image; one line per effect (<c>Untagged: …</c>, <c>Deleted: …</c>).</summary>
    Task<IReadOnlyList<string>> RemoveImageAsync(string image, bool force, CancellationToken ct);

    /// <summary>Builds the folder's image with the builder <paramref name="options"/> choose; the last update names the image.</summary>
    IAsyncEnumerable<Build.BuildUpdate> BuildAsync(string directory, Build.BuildOptions options, CancellationToken ct);
}
