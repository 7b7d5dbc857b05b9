using System.Text.Json;
using DockerApi.Configuration;
using DockerApi.Latest;
using DockerApi.Requests;
using DockerApi.Streams;
using DockerApi.Transport;
// Docker's Swarm task is DockerApi.Latest.Task; Task here is the framework's.
using Task = System.Threading.Tasks.Task;

namespace DockerApi.Engines;

/// <summary>A modern engine (API 1.25 and later, Podman's too) through the newest generated client, in the negotiated version: its containers.</summary>
internal sealed partial class ModernEngine(DockerEndpoint endpoint, NegotiatedVersion negotiated) : IEngine
{
    /// <summary>How often an exec is read again while the engine still says it runs after its output ended.</summary>
    private static readonly TimeSpan ExecSettle = TimeSpan.FromMilliseconds(20);

    public DockerClient Client { get; } = new(endpoint, negotiated);

    public DockerEndpoint Endpoint => endpoint;

    public string ApiVersion => negotiated.ApiVersion;

    public bool AttachesBeforeStart => true;

    public async Task<EngineVersion> VersionAsync(CancellationToken ct)
    {
        var v = await Client.System.VersionAsync(ct).ConfigureAwait(false);
        return new EngineVersion(v.Version ?? "", v.ApiVersion, v.MinAPIVersion, v.GitCommit, v.GoVersion, v.Os, v.Arch, v.KernelVersion);
    }

    public async Task<EngineInfo> InfoAsync(CancellationToken ct)
    {
        var i = await Client.System.InfoAsync(ct).ConfigureAwait(false);
        return new EngineInfo(i.Containers ?? 0, i.Images ?? 0, i.Driver, i.OperatingSystem, i.NCPU, i.MemTotal, i.Debug ?? false);
    }

    public async Task<(string Status, string? IdentityToken)> LoginAsync(RegistryCredential credential, CancellationToken ct)
    {
        var answer = await Client.System.AuthAsync(new AuthConfig
        {
            Username = credential.Username, Password = credential.Password, Serveraddress = credential.ServerAddress,
        }, ct).ConfigureAwait(false);
        return (answer.Status, answer.IdentityToken is { Length: > 0 } token ? token : null);
    }

    public async Task<string> CreateAsync(string image, IReadOnlyList<string>? command, ContainerOptions options, CancellationToken ct)
    {
        var stdin = options.Input is not null || options.Interactive;
        var created = await Client.Containers.CreateAsync(new ContainerCreateRequest
        {
            Image = image,
            Cmd = command,
            Entrypoint = options.Entrypoint,
            Env = Lookup.EnvironmentOf(options.Environment),
            Labels = options.Labels?.ToDictionary(l => l.Key, l => l.Value),
            WorkingDir = options.WorkingDirectory,
            User = options.User,
            Tty = options.Tty,
            OpenStdin = stdin,
            StdinOnce = stdin,
            AttachStdin = stdin,
            AttachStdout = true,
            AttachStderr = true,
            ExposedPorts = options.Ports?.ToDictionary(p => p.Key, _ => new Serialization.EmptyObject()),
            Healthcheck = HealthConfigOf(options.HealthCheck),
            HostConfig = new HostConfig
            {
                NetworkMode = options.Network,
                PortBindings = options.Ports?.GroupBy(p => p.Key).ToDictionary(g => g.Key,
                    g => (IReadOnlyList<PortBinding>?)g.Select(p => new PortBinding { HostIp = p.HostIp, HostPort = p.HostPort == 0 ? "" : $"{p.HostPort}" }).ToList()),
                Binds = options.Mounts?.Select(m => m.Bind()).ToList(),
                Memory = options.MemoryLimit,
                NanoCpus = options.CpuLimit is { } cpus ? (long)(cpus * 1e9) : null,
            },
        }, name: options.Name, cancellationToken: ct).ConfigureAwait(false);
        return created.Id;
    }

    private static HealthConfig? HealthConfigOf(HealthCheck? check) => check is null ? null : new HealthConfig
    {
        Test = ["CMD", .. check.Command],
        Interval = Nanoseconds(check.Interval),
        Timeout = Nanoseconds(check.Timeout),
        Retries = check.Retries,
        StartPeriod = Nanoseconds(check.StartPeriod),
    };

    private static long? Nanoseconds(TimeSpan? span) => span is { } s ? s.Ticks * 100 : null;

    /// <summary>Attach first, then start, as the docker CLI does: a process that exits at once still has its output read.</summary>
    public async Task<(byte[] Stdout, byte[] Stderr)> StartAndCollectAsync(string id, ContainerOptions options, CancellationToken ct)
    {
        var output = await Client.Containers.AttachOutputAsync(id, stream: true, stdin: options.Input is not null, stdout: true, stderr: true,
            tty: options.Tty, cancellationToken: ct).ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            await Client.Containers.StartAsync(id, cancellationToken: ct).ConfigureAwait(false);
            return await OutputCollector.CollectAsync(output, options.Input, options.OnOutput, ct).ConfigureAwait(false);
        }
    }

    public Task StartAsync(string id, CancellationToken ct) => Client.Containers.StartAsync(id, cancellationToken: ct);

    public async Task<ContainerAttachment> AttachAsync(string id, bool stdin, bool logs, bool tty, CancellationToken ct) =>
        new(await Client.Containers.AttachOutputAsync(id, logs: logs, stream: true, stdin: stdin, stdout: true, stderr: true, tty: tty,
            cancellationToken: ct).ConfigureAwait(false), stdin);

    public async Task<IReadOnlyList<ContainerInfo>> ListAsync(bool all, DockerFilters? filters, CancellationToken ct) =>
        (await Client.Containers.ListAsync(all: all, filters: Lookup.FiltersOf(filters), cancellationToken: ct).ConfigureAwait(false))
            .Select(c => new ContainerInfo(c.Id ?? "", (c.Names ?? []).Select(n => n.TrimStart('/')).ToList(), c.Image ?? "", c.State?.ToString() ?? "",
                c.Status ?? "", c.Labels ?? new Dictionary<string, string>()) { Command = c.Command ?? "", Created = Lookup.Time(c.Created) })
            .ToList();

    public async Task<ContainerDetails> InspectAsync(string id, CancellationToken ct)
    {
        var c = await Client.Containers.InspectAsync(id, cancellationToken: ct).ConfigureAwait(false);
        var ports = new List<PublishedPort>();
        foreach (var (key, bindings) in c.NetworkSettings?.Ports ?? new Dictionary<string, IReadOnlyList<PortBinding>?>())
        {
            var slash = key.IndexOf('/');
            if (!int.TryParse(slash < 0 ? key : key[..slash], out var port))
                continue;
            foreach (var b in bindings ?? [])
            {
                if (int.TryParse(b.HostPort, out var hostPort))
                    ports.Add(new PublishedPort(port, slash < 0 ? "tcp" : key[(slash + 1)..], b.HostIp ?? "", hostPort));
            }
        }
        return new ContainerDetails(c.Id ?? id, c.Name?.TrimStart('/') ?? "", c.Image ?? "", c.State?.Status?.ToString() ?? "", c.State?.ExitCode ?? 0,
            c.State?.Health?.Status?.ToString() is { Length: > 0 } health and not "none" ? health : null, c.Config?.Tty == true, ports,
            c.Config?.Labels ?? new Dictionary<string, string>(), () => JsonSerializer.SerializeToElement(c, DockerJsonContext.Default.ContainerInspectResponse));
    }

    public async Task<long> WaitAsync(string id, CancellationToken ct) =>
        (await Client.Containers.WaitAsync(id, cancellationToken: ct).ConfigureAwait(false)).StatusCode;

    public Task StopAsync(string id, TimeSpan timeout, CancellationToken ct) =>
        Client.Containers.StopAsync(id, t: (long)Math.Ceiling(timeout.TotalSeconds), cancellationToken: ct);

    public Task KillAsync(string id, string? signal, CancellationToken ct) => Client.Containers.KillAsync(id, signal, ct);

    public Task RemoveAsync(string id, bool force, CancellationToken ct) => Client.Containers.DeleteAsync(id, v: true, force: force, cancellationToken: ct);

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

    public async Task<ExecProcess> StartExecAsync(string id, IReadOnlyList<string> command, ExecOptions options, CancellationToken ct)
    {
        var exec = await Client.Exec.CreateAsync(id, new ContainerExecRequest
        {
            Cmd = command, AttachStdin = options.Interactive, AttachStdout = true, AttachStderr = true, Tty = options.Tty,
            Env = Lookup.EnvironmentOf(options.Environment), WorkingDir = options.WorkingDirectory, User = options.User,
        }, ct).ConfigureAwait(false);
        var output = await Client.Exec.StartOutputAsync(exec.Id, new ExecStartRequest { Tty = options.Tty }, tty: options.Tty, cancellationToken: ct).ConfigureAwait(false);
        return new ExecProcess(exec.Id, output, options.Interactive, token => ExitCodeAsync(exec.Id, token));
    }

    /// <summary>The exec's exit code: its output has ended with the process, but the engine may say so a moment later.</summary>
    private async Task<long> ExitCodeAsync(string exec, CancellationToken ct)
    {
        var inspect = await Client.Exec.InspectAsync(exec, ct).ConfigureAwait(false);
        for (var i = 0; inspect.Running == true && i < 250; i++)
        {
            await Task.Delay(ExecSettle, ct).ConfigureAwait(false);
            inspect = await Client.Exec.InspectAsync(exec, ct).ConfigureAwait(false);
        }
        return inspect.ExitCode ?? 0;
    }

    public async Task<string> CommitAsync(string id, string? repository, string? tag, CancellationToken ct) =>
        ImageReference.Id((await Client.Images.CommitAsync(container: id, repo: repository, tag: tag, cancellationToken: ct).ConfigureAwait(false)).Id);

    public void Dispose() => Client.Dispose();
}
