using System.Formats.Tar;
using DockerApi.Configuration;
using DockerApi.Latest;
using DockerApi.Streams;
using DockerApi.Transport;

namespace DockerApi.Engines;

/// <summary>A modern engine (API 1.25 and later, Podman's too) through the newest generated client, in the negotiated version.</summary>
internal sealed class ModernEngine(DockerEndpoint endpoint, NegotiatedVersion negotiated) : IEngine
{
    /// <summary>How often an exec is read again while the engine still says it runs after its output ended.</summary>
    private static readonly TimeSpan ExecSettle = TimeSpan.FromMilliseconds(20);

    public DockerClient Client { get; } = new(endpoint, negotiated);

    public string ApiVersion => negotiated.ApiVersion;

    public async Task<string> CreateAsync(string image, IReadOnlyList<string>? command, ContainerOptions options, CancellationToken ct)
    {
        var stdin = options.Input is not null;
        var created = await Client.Containers.CreateAsync(new ContainerCreateRequest
        {
            Image = image,
            Cmd = command,
            Entrypoint = options.Entrypoint,
            Env = Lookup.EnvironmentOf(options),
            Labels = options.Labels?.ToDictionary(l => l.Key, l => l.Value),
            WorkingDir = options.WorkingDirectory,
            User = options.User,
            Tty = options.Tty,
            OpenStdin = stdin,
            StdinOnce = stdin,
            AttachStdin = stdin,
            AttachStdout = true,
            AttachStderr = true,
            HostConfig = options.Network is { } network ? new HostConfig { NetworkMode = network } : null,
        }, name: options.Name, cancellationToken: ct).ConfigureAwait(false);
        return created.Id;
    }

    /// <summary>Attach first, then start, as the docker CLI does: a process that exits at once still has its output read.</summary>
    public async Task<(byte[] Stdout, byte[] Stderr)> StartAndCollectAsync(string id, ContainerOptions options, CancellationToken ct)
    {
        var output = await Client.Containers.AttachOutputAsync(id, stream: true, stdin: options.Input is not null, stdout: true, stderr: true,
            tty: options.Tty, cancellationToken: ct).ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            await Client.Containers.StartAsync(id, cancellationToken: ct).ConfigureAwait(false);
            return await OutputCollector.CollectAsync(output, options.Input, ct).ConfigureAwait(false);
        }
    }

    public Task StartAsync(string id, CancellationToken ct) => Client.Containers.StartAsync(id, cancellationToken: ct);

    public async Task<IReadOnlyList<ContainerInfo>> ListAsync(bool all, Requests.DockerFilters? filters, CancellationToken ct) =>
        (await Client.Containers.ListAsync(all: all, filters: filters is { IsEmpty: false } ? filters.ToString() : null, cancellationToken: ct).ConfigureAwait(false))
            .Select(c => new ContainerInfo(c.Id ?? "", (c.Names ?? []).Select(n => n.TrimStart('/')).ToList(), c.Image ?? "", c.State?.ToString() ?? "",
                c.Status ?? "", c.Labels ?? new Dictionary<string, string>()))
            .ToList();

    public async Task<long> WaitAsync(string id, CancellationToken ct) =>
        (await Client.Containers.WaitAsync(id, cancellationToken: ct).ConfigureAwait(false)).StatusCode;

    public Task StopAsync(string id, TimeSpan timeout, CancellationToken ct) =>
        Client.Containers.StopAsync(id, t: (long)Math.Ceiling(timeout.TotalSeconds), cancellationToken: ct);

    public Task RemoveAsync(string id, CancellationToken ct) => Client.Containers.DeleteAsync(id, v: true, force: true, cancellationToken: ct);

    /// <summary>Logs are multiplexed unless the container has a TTY: as docker-py does, the container is asked.</summary>
    public async IAsyncEnumerable<OutputLine> LogsAsync(string id, bool follow, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var tty = (await Client.Containers.InspectAsync(id, cancellationToken: ct).ConfigureAwait(false)).Config?.Tty == true;
        var logs = new MultiplexedStream(await Client.Containers.LogsAsync(id, follow: follow, stdout: true, stderr: true, cancellationToken: ct).ConfigureAwait(false),
            "ContainerLogs", tty);
        await using (logs.ConfigureAwait(false))
        {
            await foreach (var line in logs.ReadLinesAsync(ct).ConfigureAwait(false))
                yield return line;
        }
    }

    public async Task<ExecResult> ExecAsync(string id, IReadOnlyList<string> command, CancellationToken ct)
    {
        var exec = await Client.Exec.ContainerExecAsync(id, new ContainerExecRequest { Cmd = command, AttachStdout = true, AttachStderr = true }, ct).ConfigureAwait(false);
        // The start body is required: the engine answers a missing one with 400 "EOF".
        var output = await Client.Exec.StartOutputAsync(exec.Id, new ExecStartRequest { Detach = false, Tty = false }, cancellationToken: ct).ConfigureAwait(false);
        (byte[] Stdout, byte[] Stderr) written;
        await using (output.ConfigureAwait(false))
            written = await OutputCollector.CollectAsync(output, null, ct).ConfigureAwait(false);
        // The output ends when the process does; the engine may say so a moment later.
        var inspect = await Client.Exec.InspectAsync(exec.Id, ct).ConfigureAwait(false);
        for (var i = 0; inspect.Running == true && i < 250; i++)
        {
            await Task.Delay(ExecSettle, ct).ConfigureAwait(false);
            inspect = await Client.Exec.InspectAsync(exec.Id, ct).ConfigureAwait(false);
        }
        return new ExecResult(inspect.ExitCode ?? 0, written.Stdout, written.Stderr);
    }

    public async Task PutFileAsync(string id, string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var (folder, name) = ContainerPath.Split(path);
        // The same answer on every engine: Docker refuses a missing folder with 404, Podman would make it.
        await Client.Containers.ArchiveInfoAsync(id, folder, ct).ConfigureAwait(false);
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(content.ToArray(), writable: false),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                ModificationTime = DateTimeOffset.UtcNow,
            };
            await writer.WriteEntryAsync(entry, ct).ConfigureAwait(false);
        }
        archive.Position = 0;
        await Client.Containers.PutContainerArchiveAsync(id, folder, archive, cancellationToken: ct).ConfigureAwait(false);
    }

    public async Task<byte[]> GetFileAsync(string id, string path, CancellationToken ct)
    {
        ContainerPath.Split(path);
        var archive = await Client.Containers.ArchiveAsync(id, path, ct).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
            return await ContainerPath.ReadSingleFileAsync(archive, path, ct).ConfigureAwait(false);
    }

    public async Task PullAsync(string repository, string tag, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        var auth = await RegistryCredentials.ForImageAsync(repository, cancellationToken: ct).ConfigureAwait(false);
        await foreach (var message in Client.Images.CreateAsync(fromImage: repository, tag: tag, xRegistryAuth: auth, cancellationToken: ct).ConfigureAwait(false))
        {
            if (message.Status is { Length: > 0 } status)
                progress?.Report(new PullProgress(message.Id is { Length: > 0 } layer && layer != tag ? layer : null, status, message.ProgressDetail?.Current, message.ProgressDetail?.Total));
        }
    }

    public Task<bool> HasImageAsync(string image, CancellationToken ct) => Lookup.ExistsAsync(Client.Images.InspectAsync(image, cancellationToken: ct));

    public async Task RemoveImageAsync(string image, CancellationToken ct) =>
        await Client.Images.DeleteAsync(image, cancellationToken: ct).ConfigureAwait(false);

    public async Task<string> BuildAsync(string directory, Build.BuildOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        using var context = await Build.BuildContext.TarAsync(directory, options.Dockerfile, ct).ConfigureAwait(false);
        string? id = null;
        await foreach (var message in Client.Images.BuildAsync(context, dockerfile: options.Dockerfile, t: options.Tag, nocache: options.NoCache ? true : null,
            pull: options.Pull ? "1" : null, rm: true, buildargs: Json(options.BuildArgs), labels: Json(options.Labels), networkmode: options.Network,
            target: options.Target, contentType: "application/x-tar", cancellationToken: ct).ConfigureAwait(false))
        {
            if (message.Stream is { Length: > 0 } text)
                progress?.Report(text.TrimEnd('\n'));
            else if (message.Status is { Length: > 0 } status)
                progress?.Report(status);
            if (message.Aux?.ID is { Length: > 0 } built)
                id = built;
            // Engines before the aux message said it only as text.
            else if (message.Stream?.StartsWith("Successfully built ", StringComparison.Ordinal) == true)
                id ??= message.Stream["Successfully built ".Length..].Trim();
        }
        return id ?? throw new DockerProtocolException("the build ended without naming the image it built", "ImageBuild");
    }

    /// <summary>A map as the JSON object the build's <c>buildargs</c> and <c>labels</c> take; null for none.</summary>
    private static string? Json(IReadOnlyDictionary<string, string>? values) =>
        values is { Count: > 0 } ? System.Text.Json.JsonSerializer.Serialize(values, HighLevelJson.Default.IReadOnlyDictionaryStringString) : null;

    public void Dispose() => Client.Dispose();
}
