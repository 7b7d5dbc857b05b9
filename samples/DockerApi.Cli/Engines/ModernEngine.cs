using System.Runtime.CompilerServices;
using DockerApi.Configuration;
using DockerApi.Requests;
using DockerApi.Streams;
using DockerApi.Transport;
using DockerApi.V1_55;

namespace DockerApi.Cli.Engines;

/// <summary>A modern Docker Engine through the newest generated client, in the version negotiated with the daemon.</summary>
internal sealed class ModernEngine(DockerEndpoint endpoint, NegotiatedVersion negotiated) : IEngine
{
    /// <summary>The API version of the client: the newest shipped.</summary>
    public const string ClientVersion = DockerClient.ApiVersion;

    private readonly DockerClient _docker = new(endpoint, negotiated);

    public string ApiVersion => negotiated.ApiVersion;

    /// <summary>The generated client, for the commands that only modern engines have (swarm, node, service, secret).</summary>
    public DockerClient Client => _docker;

    public bool AttachesBeforeStart => true;

    public async Task<IReadOnlyList<(string Name, string Value)>> VersionAsync(CancellationToken ct)
    {
        var version = await _docker.System.VersionAsync(ct);
        return
        [
            ("Server version", version.Version ?? ""), ("API version", $"{version.ApiVersion} (minimum {version.MinAPIVersion})"),
            ("Git commit", version.GitCommit ?? ""), ("Go version", version.GoVersion ?? ""), ("OS/Arch", $"{version.Os}/{version.Arch}"),
        ];
    }

    public async Task<IReadOnlyList<(string Name, string Value)>> InfoAsync(CancellationToken ct)
    {
        var info = await _docker.System.InfoAsync(ct);
        return
        [
            ("Containers", $"{info.Containers}"), ("Images", $"{info.Images}"), ("Server version", info.ServerVersion ?? ""),
            ("Storage driver", info.Driver ?? ""), ("Cgroup driver", info.CgroupDriver?.ToString() ?? ""),
            ("Kernel version", info.KernelVersion ?? ""), ("Operating system", info.OperatingSystem ?? ""),
            ("CPUs", $"{info.NCPU}"), ("Total memory", $"{info.MemTotal}"),
        ];
    }

    public async Task<IReadOnlyList<ContainerRow>> ContainersAsync(bool all, CancellationToken ct) =>
        (await _docker.Containers.ListAsync(all: all, cancellationToken: ct))
            .Select(c => new ContainerRow(c.Id ?? "", c.Image ?? "", c.Command ?? "", c.Created, c.Status ?? "")).ToList();

    public async Task<IReadOnlyList<ImageRow>> ImagesAsync(bool all, CancellationToken ct)
    {
        var rows = new List<ImageRow>();
        foreach (var image in await _docker.Images.ListAsync(all: all, cancellationToken: ct))
        {
            var id = image.Id.StartsWith("sha256:", StringComparison.Ordinal) ? image.Id["sha256:".Length..] : image.Id;
            var tags = image.RepoTags.Count > 0 ? image.RepoTags : ["<none>:<none>"];
            foreach (var reference in tags)
            {
                var colon = reference.LastIndexOf(':');
                rows.Add(new ImageRow(reference[..colon], reference[(colon + 1)..], id, image.Created, image.Size));
            }
        }
        return rows;
    }

    public IAsyncEnumerable<ProgressUpdate> PullAsync(string repository, string? tag, RegistryCredential? credential, CancellationToken ct) =>
        Updates(_docker.Images.CreateAsync(fromImage: repository, tag: tag ?? "latest", xRegistryAuth: credential?.ToHeader(), cancellationToken: ct), ct);

    public IAsyncEnumerable<ProgressUpdate> PushAsync(string repository, string? tag, RegistryCredential? credential, CancellationToken ct) =>
        Updates(_docker.Images.PushAsync(repository, credential?.ToHeader() ?? RegistryAuth.Anonymous, tag: tag, cancellationToken: ct),
            m => (m.ProgressDetail, m.Status, null), ct);

    public async Task<(string Status, string? IdentityToken)> LoginAsync(RegistryCredential credential, CancellationToken ct)
    {
        var answer = await _docker.System.AuthAsync(new AuthConfig { Username = credential.Username, Password = credential.Password, Serveraddress = credential.ServerAddress }, ct);
        return (answer.Status, answer.IdentityToken is { Length: > 0 } token ? token : null);
    }

    public IAsyncEnumerable<ProgressUpdate> ImportAsync(Stream archive, string? repository, string? tag, CancellationToken ct) =>
        Updates(_docker.Images.CreateAsync(fromSrc: "-", repo: repository, tag: tag, inputImage: archive, cancellationToken: ct), ct);

    private static IAsyncEnumerable<ProgressUpdate> Updates(IAsyncEnumerable<CreateImageInfo> messages, CancellationToken ct) =>
        Updates(messages, m => (m.ProgressDetail, m.Status, m.Id), ct);

    /// <summary>Modern progress carries numbers: progressDetail {current, total}; a layer's status is shown with its id.</summary>
    private static async IAsyncEnumerable<ProgressUpdate> Updates<T>(IAsyncEnumerable<T> messages, Func<T, (ProgressDetail? Detail, string? Status, string? Id)> parts,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var message in messages.WithCancellation(ct))
        {
            var (detail, text, layer) = parts(message);
            if (detail is { Current: { } current, Total: > 0 and var total })
                yield return new ProgressUpdate(null, 100.0 * current / total);
            else if (text is { Length: > 0 } status)
                yield return new ProgressUpdate(layer is { Length: > 0 } id && status != id ? $"{id}: {status}" : status, null);
        }
    }

    public async Task<CreatedContainer> CreateAsync(RunOptions options, CancellationToken ct)
    {
        var created = await _docker.Containers.CreateAsync(new ContainerCreateRequest
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
            // Detached, --rm is the engine's to do when the container ends; attached, run removes it after its wait.
            HostConfig = options.Network is not null || (options.Remove && options.Detach)
                ? new HostConfig { NetworkMode = options.Network, AutoRemove = options.Remove && options.Detach ? true : null }
                : null,
        }, name: options.Name, cancellationToken: ct);
        return new CreatedContainer(created.Id, created.Warnings);
    }

    public Task StartAsync(string id, CancellationToken ct) => _docker.Containers.StartAsync(id, cancellationToken: ct);

    public async Task<ContainerOutput> AttachAsync(string id, bool logs, bool stream, bool stdin, CancellationToken ct)
    {
        var tty = await HasTtyAsync(id, ct);
        var output = await _docker.Containers.AttachOutputAsync(id, logs: logs, stream: stream, stdin: stdin, stdout: true, stderr: true, tty: tty, cancellationToken: ct);
        return new ContainerOutput(output);
    }

    public async Task<ContainerOutput> LogsAsync(string id, CancellationToken ct)
    {
        var tty = await HasTtyAsync(id, ct);
        var logs = await _docker.Containers.LogsAsync(id, stdout: true, stderr: true, cancellationToken: ct);
        return new ContainerOutput(new MultiplexedStream(logs, "ContainerLogs", tty));
    }

    public async Task<long> ExecAsync(string id, IReadOnlyList<string> command, bool interactive, bool tty, Func<ContainerOutput, Task> pump, CancellationToken ct)
    {
        var exec = await _docker.Exec.CreateAsync(id, new ContainerExecRequest
        {
            Cmd = command,
            AttachStdin = interactive,
            AttachStdout = true,
            AttachStderr = true,
            Tty = tty,
        }, ct);
        var started = await _docker.Exec.StartOutputAsync(exec.Id, new ExecStartRequest { Detach = false, Tty = tty }, tty: tty, cancellationToken: ct);
        await using (var output = new ContainerOutput(started))
            await pump(output);
        return (await _docker.Exec.InspectAsync(exec.Id, cancellationToken: ct)).ExitCode ?? 0;
    }

    /// <summary>Output is multiplexed unless the container has a TTY; as docker does, ask the container.</summary>
    private async Task<bool> HasTtyAsync(string id, CancellationToken ct) =>
        (await _docker.Containers.InspectAsync(id, cancellationToken: ct)).Config?.Tty == true;

    public async Task<long> WaitAsync(string id, CancellationToken ct) => (await _docker.Containers.WaitAsync(id, cancellationToken: ct)).StatusCode;

    public Task StopAsync(string id, CancellationToken ct) => _docker.Containers.StopAsync(id, cancellationToken: ct);

    public Task KillAsync(string id, CancellationToken ct) => _docker.Containers.KillAsync(id, cancellationToken: ct);

    public Task RemoveAsync(string id, CancellationToken ct) => _docker.Containers.DeleteAsync(id, cancellationToken: ct);

    public async Task<IReadOnlyList<string>> RemoveImageAsync(string name, CancellationToken ct) =>
        (await _docker.Images.DeleteAsync(name, cancellationToken: ct)).Select(e => e.Untagged is { } untagged ? "Untagged: " + untagged : "Deleted: " + e.Deleted).ToList();

    public Task TagAsync(string image, string repository, string? tag, CancellationToken ct) =>
        _docker.Images.TagAsync(image, repo: repository, tag: tag, cancellationToken: ct);

    public async Task<string> CommitAsync(string container, string? repository, string? tag, CancellationToken ct) =>
        (await _docker.Images.CommitAsync(container: container, repo: repository, tag: tag, cancellationToken: ct)).Id;

    /// <summary>Modern build takes the directory as one tar context, the Dockerfile inside it, and answers JSON messages.</summary>
    public async IAsyncEnumerable<string> BuildAsync(string directory, string? tag, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var context = await BuildContext.TarAsync(directory, ct);
        await foreach (var message in _docker.Images.BuildAsync(context, t: tag, rm: true, contentType: "application/x-tar", cancellationToken: ct))
        {
            if (message.Stream is { Length: > 0 } text)
                yield return text;
            else if (message.Status is { Length: > 0 } status)
                yield return status + "\n";
        }
    }

    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(string image, CancellationToken ct) =>
        (await _docker.Images.HistoryAsync(image, cancellationToken: ct)).Select(l => new HistoryRow(l.Id, l.Created, l.CreatedBy, l.Tags)).ToList();

    public Task<string> InspectAsync(string name, CancellationToken ct) => Inspect.ContainerElseImageAsync(
        () => _docker.Containers.InspectAsync(name, cancellationToken: ct), DockerJsonContext.Default.ContainerInspectResponse,
        () => _docker.Images.InspectAsync(name, cancellationToken: ct), DockerJsonContext.Default.ImageInspect);

    public void Dispose() => _docker.Dispose();
}
