using System.Text.Json;
using DockerApi.Configuration;
using DockerApi.Requests;
using DockerApi.Streams;
using DockerApi.Transport;
using DockerApi.V1_2;

namespace DockerApi.Engines;

/// <summary>
/// A 2013 daemon (docker 0.4, the emulator) through the generated v1.2 client. Its attach does not multiplex, so the
/// output is read with one attach per stream; what 2013 did not have is refused before anything is sent.
/// </summary>
internal sealed partial class LegacyEngine(DockerEndpoint endpoint) : IEngine
{
    public DockerClient Client { get; } = new(endpoint);

    public string ApiVersion => DockerClient.ApiVersion;

    public bool AttachesBeforeStart => false;

    public async Task<EngineVersion> VersionAsync(CancellationToken ct)
    {
        var v = await Client.System.VersionAsync(ct).ConfigureAwait(false);
        return new EngineVersion(v.Version ?? "", null, null, v.GitCommit, v.GoVersion, null, null, null);
    }

    public async Task<EngineInfo> InfoAsync(CancellationToken ct)
    {
        var i = await Client.System.InfoAsync(ct).ConfigureAwait(false);
        return new EngineInfo(i.Containers ?? 0, i.Images ?? 0, null, null, null, null, i.Debug ?? false);
    }

    public async Task<(string Status, string? IdentityToken)> LoginAsync(RegistryCredential credential, CancellationToken ct) =>
        ((await Client.System.AuthAsync(AuthOf(credential), ct).ConfigureAwait(false)).Status ?? "Login Succeeded", null);

    /// <summary>2013's auth carried an e-mail address, which the registry no longer reads.</summary>
    private static AuthConfig AuthOf(RegistryCredential? credential) =>
        new() { Username = credential?.Username, Password = credential?.Password, Email = "" };

    public async Task<string> CreateAsync(string image, IReadOnlyList<string>? command, ContainerOptions options, CancellationToken ct)
    {
        Refuse(options.Labels, "ContainerCreate (labels)", "1.18");
        Refuse(options.Name, "ContainerCreate (name)", "1.6");
        Refuse(options.WorkingDirectory, "ContainerCreate (working directory)", "1.6");
        Refuse(options.Entrypoint, "ContainerCreate (entrypoint)", "1.6");
        Refuse(options.Network, "ContainerCreate (network)", "1.15");
        Refuse(options.HealthCheck, "ContainerCreate (health check)", "1.24");
        Refuse(options.CpuLimit, "ContainerCreate (CPU limit)", "1.25");
        Refuse(options.AutoRemove ? true : null, "ContainerCreate (auto-remove)", "1.25");
        // 2013 had ports and volumes of another shape, which this client publishes and mounts through its modern API only.
        Refuse(options.Ports, "ContainerCreate (published ports)", VersionNegotiation.OldestSpokenDown.ToString());
        Refuse(options.Mounts, "ContainerCreate (mounts)", VersionNegotiation.OldestSpokenDown.ToString());
        var stdin = options.Input is not null || options.Interactive;
        var created = await Client.Containers.CreateAsync(new ContainerConfig
        {
            Image = image,
            Cmd = command,
            Env = Lookup.EnvironmentOf(options.Environment),
            User = options.User,
            Tty = options.Tty,
            Memory = options.MemoryLimit,
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
        // The two readers run at once: their lines reach the caller one at a time.
        var gate = new object();
        Action<OutputLine>? onLine = options.OnOutput is { } callback ? line => { lock (gate) callback(line); } : null;
        var stdout = ReadAttachedAsync(id, StdStream.Stdout, options.Input, onLine, ct);
        var stderr = ReadAttachedAsync(id, StdStream.Stderr, null, onLine, ct);
        return (await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private async Task<byte[]> ReadAttachedAsync(string id, StdStream stream, ReadOnlyMemory<byte>? input, Action<OutputLine>? onLine, CancellationToken ct)
    {
        var stdout = stream == StdStream.Stdout;
        var output = await Client.Containers.AttachOutputAsync(id, logs: true, stream: true, stdin: input is not null, stdout: stdout, stderr: !stdout,
            cancellationToken: ct).ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            // Raw: all of it is the one stream asked for.
            var (written, _) = await OutputCollector.CollectAsync(output, input, onLine is null ? null : line => onLine(line with { Stream = stream }), ct)
                .ConfigureAwait(false);
            return written;
        }
    }

    public Task StartAsync(string id, CancellationToken ct) => Client.Containers.StartAsync(id, ct);

    /// <summary>One attach for both streams: 2013's output is raw, so they arrive as one.</summary>
    public async Task<ContainerAttachment> AttachAsync(string id, bool stdin, bool logs, bool tty, CancellationToken ct) =>
        new(await Client.Containers.AttachOutputAsync(id, logs: logs, stream: true, stdin: stdin, stdout: true, stderr: true, cancellationToken: ct)
            .ConfigureAwait(false), stdin);

    /// <summary>2013's list has no filters, names, labels or state: the state is read from the status text (<c>Up …</c>, <c>Exit 3</c>).</summary>
    public async Task<IReadOnlyList<ContainerInfo>> ListAsync(bool all, DockerFilters? filters, CancellationToken ct)
    {
        if (filters is { IsEmpty: false })
            throw new DockerVersionException("ContainerList (filters)", "1.25", ApiVersion);
        return (await Client.Containers.ListAsync(all: all, cancellationToken: ct).ConfigureAwait(false))
            .Select(c => new ContainerInfo(c.Id ?? "", [], c.Image ?? "", c.Status switch
            {
                { } s when s.StartsWith("Up", StringComparison.Ordinal) => "running",
                { } s when s.StartsWith("Exit", StringComparison.Ordinal) => "exited",
                _ => "created",
            }, c.Status ?? "", new Dictionary<string, string>()) { Command = c.Command ?? "", Created = Lookup.Time(c.Created) })
            .ToList();
    }

    public async Task<ContainerDetails> InspectAsync(string id, CancellationToken ct)
    {
        var c = await Client.Containers.InspectAsync(id, ct).ConfigureAwait(false);
        var running = c.State?.Running == true;
        var state = running ? "running" : c.State?.StartedAt is { } started && !started.IsZero ? "exited" : "created";
        return new ContainerDetails(c.ID ?? id, "", c.Image ?? "", state, c.State?.ExitCode ?? 0, null, c.Config?.Tty == true, [],
            new Dictionary<string, string>(), () => JsonSerializer.SerializeToElement(c, DockerJsonContext.Default.ContainerInspectResponse));
    }

    public async Task<long> WaitAsync(string id, CancellationToken ct) => (await Client.Containers.WaitAsync(id, ct).ConfigureAwait(false)).StatusCode;

    public Task StopAsync(string id, TimeSpan timeout, CancellationToken ct) =>
        Client.Containers.StopAsync(id, t: (long)Math.Ceiling(timeout.TotalSeconds), cancellationToken: ct);

    /// <summary>2013's kill sent SIGKILL and took no other signal.</summary>
    public Task KillAsync(string id, string? signal, CancellationToken ct) => signal is null or "KILL" or "SIGKILL" or "9"
        ? Client.Containers.KillAsync(id, ct)
        : Task.FromException(new DockerVersionException("ContainerKill (signal)", "1.7", ApiVersion));

    /// <summary>2013's delete has no force: a running container is killed first (a stopped one is left as it is).</summary>
    public async Task RemoveAsync(string id, bool force, CancellationToken ct)
    {
        if (force && (await Client.Containers.InspectAsync(id, ct).ConfigureAwait(false)).State?.Running == true)
            await Client.Containers.KillAsync(id, ct).ConfigureAwait(false);
        await Client.Containers.DeleteAsync(id, v: true, cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>
    /// 2013 had no logs call: an attach with <c>logs=1</c> per stream (and <c>stream=1</c> to follow), so that stdout
    /// and stderr stay apart. Followed, both streams' lines come as they arrive.
    /// </summary>
    public IAsyncEnumerable<OutputLine> LogsAsync(string id, bool follow, CancellationToken ct)
    {
        var stdout = AttachedLinesAsync(id, StdStream.Stdout, follow, ct);
        var stderr = AttachedLinesAsync(id, StdStream.Stderr, follow, ct);
        return follow ? Merged.Of(stdout, stderr, ct) : Merged.InTurn(stdout, stderr);
    }

    private async IAsyncEnumerable<OutputLine> AttachedLinesAsync(string id, StdStream stream, bool follow,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var stdout = stream == StdStream.Stdout;
        var output = await Client.Containers.AttachOutputAsync(id, logs: true, stream: follow, stdout: stdout, stderr: !stdout, cancellationToken: ct).ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            // Raw: every line is the one stream asked for.
            await foreach (var line in output.ReadLinesAsync(ct).ConfigureAwait(false))
                yield return line with { Stream = stream };
        }
    }

    // What 2013 did not have fails as its task, before anything is sent (a faulted task, not a throw at the call).
    public Task<ExecProcess> StartExecAsync(string id, IReadOnlyList<string> command, ExecOptions options, CancellationToken ct) =>
        Task.FromException<ExecProcess>(new DockerVersionException("ContainerExec", "1.15", ApiVersion));

    public async Task<string> CommitAsync(string id, string? repository, string? tag, CancellationToken ct) =>
        (await Client.Images.CommitAsync(container: id, repo: repository, tag: tag, cancellationToken: ct).ConfigureAwait(false)).Id;

    private void Refuse(object? given, string operation, string since)
    {
        if (given is not null)
            throw new DockerVersionException(operation, since, ApiVersion);
    }

    public void Dispose() => Client.Dispose();
}
