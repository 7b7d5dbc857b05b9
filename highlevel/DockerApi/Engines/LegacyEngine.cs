using DockerApi.Transport;
using DockerApi.V1_2;

namespace DockerApi.Engines;

/// <summary>
/// A 2013 daemon (docker 0.4, the emulator) through the generated v1.2 client. Its attach does not multiplex, so the
/// output is read with one attach per stream; what 2013 did not have is refused before anything is sent.
/// </summary>
internal sealed class LegacyEngine(DockerEndpoint endpoint) : IEngine
{
    public DockerClient Client { get; } = new(endpoint);

    public string ApiVersion => DockerClient.ApiVersion;

    public async Task<string> CreateAsync(string image, IReadOnlyList<string>? command, ContainerOptions options, CancellationToken ct)
    {
        Refuse(options.Labels, "ContainerCreate (labels)", "1.18");
        Refuse(options.Name, "ContainerCreate (name)", "1.6");
        Refuse(options.WorkingDirectory, "ContainerCreate (working directory)", "1.6");
        Refuse(options.Entrypoint, "ContainerCreate (entrypoint)", "1.6");
        Refuse(options.Network, "ContainerCreate (network)", "1.15");
        var stdin = options.Input is not null;
        var created = await Client.Containers.CreateAsync(new ContainerConfig
        {
            Image = image,
            Cmd = command,
            Env = Lookup.EnvironmentOf(options),
            User = options.User,
            Tty = options.Tty,
            OpenStdin = stdin,
            StdinOnce = stdin,
            AttachStdin = stdin,
            AttachStdout = true,
            AttachStderr = true,
        }, ct).ConfigureAwait(false);
        return created.Id;
    }

    /// <summary>
    /// Start, then attach to each stream with <c>logs=1&amp;stream=1</c> (what it wrote before the attach, then what
    /// follows), as 2013's clients did: the two attaches keep stdout and stderr apart, which one raw stream cannot.
    /// </summary>
    public async Task<(byte[] Stdout, byte[] Stderr)> StartAndCollectAsync(string id, ContainerOptions options, CancellationToken ct)
    {
        await Client.Containers.StartAsync(id, ct).ConfigureAwait(false);
        var stdout = ReadAttachedAsync(id, stdout: true, options.Input, ct);
        var stderr = ReadAttachedAsync(id, stdout: false, null, ct);
        return (await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private async Task<byte[]> ReadAttachedAsync(string id, bool stdout, ReadOnlyMemory<byte>? input, CancellationToken ct)
    {
        var output = await Client.Containers.AttachOutputAsync(id, logs: true, stream: true, stdin: input is not null, stdout: stdout, stderr: !stdout,
            cancellationToken: ct).ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            var (written, _) = await OutputCollector.CollectAsync(output, input, ct).ConfigureAwait(false);
            return written; // raw: all of it is the one stream asked for
        }
    }

    public Task StartAsync(string id, CancellationToken ct) => Client.Containers.StartAsync(id, ct);

    /// <summary>2013's list has no filters, names, labels or state: the state is read from the status text (<c>Up …</c>, <c>Exit 3</c>).</summary>
    public async Task<IReadOnlyList<ContainerInfo>> ListAsync(bool all, Requests.DockerFilters? filters, CancellationToken ct)
    {
        if (filters is { IsEmpty: false })
            throw new DockerVersionException("ContainerList (filters)", "1.25", ApiVersion);
        return (await Client.Containers.ListAsync(all: all, cancellationToken: ct).ConfigureAwait(false))
            .Select(c => new ContainerInfo(c.Id ?? "", [], c.Image ?? "", c.Status switch
            {
                { } s when s.StartsWith("Up", StringComparison.Ordinal) => "running",
                { } s when s.StartsWith("Exit", StringComparison.Ordinal) => "exited",
                _ => "created",
            }, c.Status ?? "", new Dictionary<string, string>()))
            .ToList();
    }

    /// <summary>
    /// 2013 had no logs call: an attach with <c>logs=1</c> per stream (and <c>stream=1</c> to follow), so that stdout
    /// and stderr stay apart. Followed, both streams' lines come as they arrive.
    /// </summary>
    public IAsyncEnumerable<Streams.OutputLine> LogsAsync(string id, bool follow, CancellationToken ct)
    {
        var stdout = AttachedLinesAsync(id, Streams.StdStream.Stdout, follow, ct);
        var stderr = AttachedLinesAsync(id, Streams.StdStream.Stderr, follow, ct);
        return follow ? Merged.Of(stdout, stderr, ct) : Merged.InTurn(stdout, stderr);
    }

    private async IAsyncEnumerable<Streams.OutputLine> AttachedLinesAsync(string id, Streams.StdStream stream, bool follow,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var stdout = stream == Streams.StdStream.Stdout;
        var output = await Client.Containers.AttachOutputAsync(id, logs: true, stream: follow, stdout: stdout, stderr: !stdout, cancellationToken: ct).ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            // Raw: every line is the one stream asked for.
            await foreach (var line in output.ReadLinesAsync(ct).ConfigureAwait(false))
                yield return line with { Stream = stream };
        }
    }

    public async Task<long> WaitAsync(string id, CancellationToken ct) => (await Client.Containers.WaitAsync(id, ct).ConfigureAwait(false)).StatusCode;

    public Task StopAsync(string id, TimeSpan timeout, CancellationToken ct) =>
        Client.Containers.StopAsync(id, t: (long)Math.Ceiling(timeout.TotalSeconds), cancellationToken: ct);

    /// <summary>2013's delete has no force: a running container is killed first (a stopped one is left as it is).</summary>
    public async Task RemoveAsync(string id, CancellationToken ct)
    {
        if ((await Client.Containers.InspectAsync(id, ct).ConfigureAwait(false)).State?.Running == true)
            await Client.Containers.KillAsync(id, ct).ConfigureAwait(false);
        await Client.Containers.DeleteAsync(id, v: true, cancellationToken: ct).ConfigureAwait(false);
    }

    // What 2013 did not have fails as its task, before anything is sent (a faulted task, not a throw at the call).
    public Task<ExecResult> ExecAsync(string id, IReadOnlyList<string> command, CancellationToken ct) =>
        Task.FromException<ExecResult>(new DockerVersionException("ContainerExec", "1.15", ApiVersion));

    public Task PutFileAsync(string id, string path, ReadOnlyMemory<byte> content, CancellationToken ct) =>
        Task.FromException(new DockerVersionException("PutContainerArchive", "1.20", ApiVersion));

    public Task<byte[]> GetFileAsync(string id, string path, CancellationToken ct) =>
        Task.FromException<byte[]>(new DockerVersionException("ContainerArchive", "1.20", ApiVersion));

    /// <summary>API 1.2's pull carries no credentials: the 2013 daemon used those its own <c>/auth</c> stored.</summary>
    public async Task PullAsync(string repository, string tag, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        await foreach (var message in Client.Images.CreateAsync(fromImage: repository, tag: tag, cancellationToken: ct).ConfigureAwait(false))
        {
            if (message.Status is { Length: > 0 } status)
                progress?.Report(new PullProgress(null, status, null, null)); // 0.4's progress is text, not numbers
        }
    }

    public Task<bool> HasImageAsync(string image, CancellationToken ct) => Lookup.ExistsAsync(Client.Images.InspectAsync(image, ct));

    public async Task RemoveImageAsync(string image, CancellationToken ct) => await Client.Images.DeleteAsync(image, ct).ConfigureAwait(false);

    /// <summary>0.4's build is multipart: the Dockerfile, and the folder as a tar context; it took a tag and nothing else.</summary>
    public async Task<string> BuildAsync(string directory, Build.BuildOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        Refuse(options.BuildArgs, "ImageBuild (build arguments)", "1.21");
        Refuse(options.Target, "ImageBuild (target)", "1.29");
        Refuse(options.Network, "ImageBuild (network)", "1.25");
        Refuse(options.Labels, "ImageBuild (labels)", "1.23");
        Refuse(options.NoCache ? true : null, "ImageBuild (no cache)", "1.4");
        Refuse(options.Pull ? true : null, "ImageBuild (pull)", "1.16");
        using var context = await Build.BuildContext.TarAsync(directory, options.Dockerfile, ct).ConfigureAwait(false);
        await using var dockerfile = File.OpenRead(Path.Combine(directory, options.Dockerfile));
        // Reported as each line is read (Progress<T> would post it for later, after the build had returned).
        return await Client.Images.BuildAsync(progress is null ? null : new LineRelay(progress), dockerfile, context, options.Tag, ct).ConfigureAwait(false);
    }

    private sealed class LineRelay(IProgress<string> progress) : IProgress<Streams.BuildOutputLine>
    {
        public void Report(Streams.BuildOutputLine value) => progress.Report(value.Text);
    }

    private void Refuse(object? given, string operation, string since)
    {
        if (given is not null)
            throw new DockerVersionException(operation, since, ApiVersion);
    }

    public void Dispose() => Client.Dispose();
}
