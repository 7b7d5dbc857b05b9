using DockerApi.Configuration;
using System.Runtime.CompilerServices;
using DockerApi.Streams;
using DockerApi.Transport;
using DockerApi.V1_2;

namespace DockerApi.Cli.Engines;

/// <summary>A 2013 daemon (docker 0.4, or the emulator) through the generated v1.2 client.</summary>
internal sealed class Engine2013(DockerEndpoint endpoint) : IEngine
{
    private readonly DockerClient _docker = new(endpoint);

    public string ApiVersion => DockerClient.ApiVersion;

    public bool AttachesBeforeStart => false;

    public async Task<IReadOnlyList<(string Name, string Value)>> VersionAsync(CancellationToken ct)
    {
        var version = await _docker.System.VersionAsync(ct);
        return [("Server version", version.Version ?? ""), ("Git commit", version.GitCommit ?? ""), ("Go version", version.GoVersion ?? "")];
    }

    public async Task<IReadOnlyList<(string Name, string Value)>> InfoAsync(CancellationToken ct)
    {
        var info = await _docker.System.InfoAsync(ct);
        return
        [
            ("Containers", $"{info.Containers}"), ("Images", $"{info.Images}"), ("Debug mode", $"{info.Debug}"),
            ("Memory limit", $"{info.MemoryLimit ?? false}"), ("Swap limit", $"{info.SwapLimit ?? false}"),
        ];
    }

    public async Task<IReadOnlyList<ContainerRow>> ContainersAsync(bool all, CancellationToken ct) =>
        (await _docker.Containers.ListAsync(all: all, cancellationToken: ct))
            .Select(c => new ContainerRow(c.Id ?? "", c.Image ?? "", c.Command ?? "", c.Created, c.Status ?? "")).ToList();

    public async Task<IReadOnlyList<ImageRow>> ImagesAsync(bool all, CancellationToken ct) =>
        (await _docker.Images.ListAsync(all: all, cancellationToken: ct))
            .Select(i => new ImageRow(i.Repository ?? "<none>", i.Tag ?? "<none>", i.Id ?? "", i.Created, i.VirtualSize ?? i.Size ?? 0)).ToList();

    // API 1.2's pull carries no credentials: the 2013 daemon used those its own /auth stored.
    public IAsyncEnumerable<ProgressUpdate> PullAsync(string repository, string? tag, RegistryCredential? credential, CancellationToken ct) =>
        Updates(_docker.Images.CreateAsync(fromImage: repository, tag: tag, cancellationToken: ct), ct);

    public IAsyncEnumerable<ProgressUpdate> PushAsync(string repository, string? tag, RegistryCredential? credential, CancellationToken ct) =>
        Updates(_docker.Images.PushAsync(tag is null ? repository : $"{repository}:{tag}", new AuthConfig { Username = credential?.Username, Password = credential?.Password, Email = "" }, cancellationToken: ct), ct);

    public async Task<(string Status, string? IdentityToken)> LoginAsync(RegistryCredential credential, CancellationToken ct) =>
        ((await _docker.System.AuthAsync(new AuthConfig { Username = credential.Username, Password = credential.Password, Email = "" }, ct)).Status ?? "Login Succeeded", null);

    public IAsyncEnumerable<ProgressUpdate> ImportAsync(Stream archive, string? repository, string? tag, CancellationToken ct) =>
        Updates(_docker.Images.CreateAsync(fromSrc: "-", repo: repository, tag: tag, inputImage: archive, cancellationToken: ct), ct);

    /// <summary>0.4's progress is text: "1.049 MB/10.49 MB (10%)".</summary>
    private static async IAsyncEnumerable<ProgressUpdate> Updates(IAsyncEnumerable<ProgressMessage> messages, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var message in messages.WithCancellation(ct))
        {
            if (message.Progress is { } progress && progress.EndsWith("%)", StringComparison.Ordinal)
                && double.TryParse(progress[(progress.LastIndexOf('(') + 1)..^2], System.Globalization.CultureInfo.InvariantCulture, out var percent))
                yield return new ProgressUpdate(null, percent);
            else if (message.Status is { Length: > 0 } status && message.Progress is null)
                yield return new ProgressUpdate(status, null);
        }
    }

    public async Task<CreatedContainer> CreateAsync(RunOptions options, CancellationToken ct)
    {
        // Names came with API 1.6 and networks with 1.15; detached --rm needs the engine's AutoRemove (1.25).
        if (options.Name is not null)
            throw new DockerVersionException("ContainerCreate (name)", "1.6", ApiVersion);
        if (options.Network is not null)
            throw new DockerVersionException("ContainerCreate (network)", "1.15", ApiVersion);
        if (options.Remove && options.Detach)
            throw new DockerVersionException("ContainerCreate (auto-remove)", "1.25", ApiVersion);
        var created = await _docker.Containers.CreateAsync(new ContainerConfig
        {
            Image = options.Image,
            Cmd = options.Command,
            Tty = options.Tty,
            OpenStdin = options.Interactive,
            StdinOnce = options.Interactive,
            AttachStdin = options.Interactive,
            AttachStdout = !options.Detach,
            AttachStderr = !options.Detach,
            Env = options.Environment.Count > 0 ? options.Environment : null,
        }, ct);
        return new CreatedContainer(created.Id, created.Warnings ?? []);
    }

    public Task StartAsync(string id, CancellationToken ct) => _docker.Containers.StartAsync(id, ct);

    public async Task<ContainerOutput> AttachAsync(string id, bool logs, bool stream, bool stdin, CancellationToken ct)
    {
        // The spec says the framing (x-docker-framing: raw); the generated reader applies it.
        var output = await _docker.Containers.AttachOutputAsync(id, logs: logs, stream: stream, stdin: stdin, stdout: true, stderr: true, cancellationToken: ct);
        return new ContainerOutput(output);
    }

    /// <summary>No logs endpoint in 2013: attach with logs=1 and stream=0.</summary>
    public Task<ContainerOutput> LogsAsync(string id, CancellationToken ct) => AttachAsync(id, logs: true, stream: false, stdin: false, ct);

    public Task<long> ExecAsync(string id, IReadOnlyList<string> command, bool interactive, bool tty, Func<ContainerOutput, Task> pump, CancellationToken ct) =>
        throw new NotSupportedException($"exec came with API 1.15; this daemon speaks {ApiVersion}");

    public async Task<long> WaitAsync(string id, CancellationToken ct) => (await _docker.Containers.WaitAsync(id, ct)).StatusCode;

    public Task StopAsync(string id, CancellationToken ct) => _docker.Containers.StopAsync(id, cancellationToken: ct);

    public Task KillAsync(string id, CancellationToken ct) => _docker.Containers.KillAsync(id, ct);

    public Task RemoveAsync(string id, CancellationToken ct) => _docker.Containers.DeleteAsync(id, cancellationToken: ct);

    public async Task<IReadOnlyList<string>> RemoveImageAsync(string name, CancellationToken ct) =>
        (await _docker.Images.DeleteAsync(name, ct)).Select(e => e.Untagged is { } untagged ? "Untagged: " + untagged : "Deleted: " + e.Deleted).ToList();

    public Task TagAsync(string image, string repository, string? tag, CancellationToken ct) =>
        _docker.Images.TagAsync(image, repo: repository, tag: tag, cancellationToken: ct);

    public async Task<string> CommitAsync(string container, string? repository, string? tag, CancellationToken ct) =>
        (await _docker.Images.CommitAsync(container: container, repo: repository, tag: tag, cancellationToken: ct)).Id;

    /// <summary>0.4's build is multipart: the Dockerfile, and the directory as a tar context.</summary>
    public async IAsyncEnumerable<string> BuildAsync(string directory, string? tag, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var context = await BuildContext.TarAsync(directory, ct);
        await using var dockerfile = File.OpenRead(Path.Combine(directory, "Dockerfile"));
        await foreach (var line in _docker.Images.BuildAsync(dockerfile, context, tag, ct))
            yield return line.Text + "\n";
    }

    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(string image, CancellationToken ct) =>
        (await _docker.Images.HistoryAsync(image, ct)).Select(l => new HistoryRow(l.Id ?? "", l.Created, l.CreatedBy ?? "", l.Tags ?? [])).ToList();

    public Task<string> InspectAsync(string name, CancellationToken ct) => Inspect.ContainerElseImageAsync(
        () => _docker.Containers.InspectAsync(name, ct), DockerJsonContext.Default.ContainerInspectResponse,
        () => _docker.Images.InspectAsync(name, ct), DockerJsonContext.Default.ImageInspectResponse);

    public void Dispose() => _docker.Dispose();
}
