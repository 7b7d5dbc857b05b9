using DockerApi.Streams;
using DockerApi.Transport;
using DockerApi.V1_55;

namespace DockerApi.Engine.Tests;

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<DockerEngine>
{
    public const string Name = "real engine";
}

[CollectionDefinition(Name)]
public sealed class PodmanCollection : ICollectionFixture<PodmanEngine>
{
    public const string Name = "podman";
}

/// <summary>Debian's dockerd 20.10, named by <c>DOCKERAPI_TEST_ENGINE</c>.</summary>
public sealed class DockerEngine() : Engine(EngineVariable, "Docker Engine");

/// <summary>Podman 4.3's Docker-compatible API, named by <c>DOCKERAPI_TEST_PODMAN</c>: the same tests, and a skip with its reason where Podman differs.</summary>
public sealed class PodmanEngine() : Engine(PodmanVariable, "Podman");

/// <summary>
/// A real engine the tests talk to, named by a variable <c>.ci/dockerd</c> sets, with <c>test:latest</c> imported and its
/// rootfs tar at <c>DOCKERAPI_TEST_ROOTFS</c>. Everything a test creates carries the label of this run and is removed
/// when the run ends. One fixture per engine (<see cref="DockerEngine"/>, <see cref="PodmanEngine"/>); a test class that
/// holds on both is abstract, with a class of each engine's collection.
/// </summary>
/// <param name="variable">The variable naming the engine's endpoint.</param>
/// <param name="kind">What the engine is, for messages.</param>
public abstract class Engine(string variable, string kind) : IAsyncLifetime
{
    public const string EngineVariable = "DOCKERAPI_TEST_ENGINE";
    public const string PodmanVariable = "DOCKERAPI_TEST_PODMAN";

    /// <summary>True for Podman, where a test that cannot hold skips, saying why.</summary>
    public bool IsPodman => variable == PodmanVariable;

    /// <summary>Skips the calling test on Podman with <paramref name="why"/>: what Podman does differently.</summary>
    public void SkipOnPodman(string why) => Skip.If(IsPodman, "Podman 4.3: " + why);
    public const string RootfsVariable = "DOCKERAPI_TEST_ROOTFS";
    public const string Image = "test:latest";
    public const string Label = "dockerapi.test.run";

    private readonly List<string> _images = [];
    private string? _missing;
    private DockerClient? _client;

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..12];

    private DockerEndpoint? _endpoint;

    /// <summary>The engine's endpoint; skips or fails the calling test as <see cref="Client"/> does when there is no engine.</summary>
    public DockerEndpoint Endpoint
    {
        get
        {
            RequireEngine();
            return _endpoint!;
        }
    }

    /// <summary>The newest client, speaking the engine's version; skips (locally) or fails (CI) the calling test when there is no engine.</summary>
    public DockerClient Client
    {
        get
        {
            RequireEngine();
            return _client!;
        }
    }

    /// <summary>Every member that needs the engine goes through here first, so that no test meets a null before the skip.</summary>
    private void RequireEngine()
    {
        if (_missing is null)
            return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"CI must run the {kind} tests: {_missing}");
        Skip.If(true, _missing);
    }

    public const string RegistryVariable = "DOCKERAPI_TEST_REGISTRY";

    /// <summary>The user of the registry .ci/dockerd starts (htpasswd).</summary>
    public const string RegistryUser = "tester";
    public const string RegistryPassword = "s3cret";

    /// <summary><c>127.0.0.1:port</c> of a registry with <see cref="RegistryUser"/>; never a public one.</summary>
    public string Registry => RequiredVariable(RegistryVariable);

    /// <summary>The busybox rootfs tar that test:latest was imported from.</summary>
    public string RootfsTar => RequiredVariable(RootfsVariable);

    /// <summary>A variable .ci/dockerd sets beside the engine's; without an engine the test skips (or fails in CI) first.</summary>
    private string RequiredVariable(string name)
    {
        RequireEngine();
        return Environment.GetEnvironmentVariable(name)
            ?? throw new InvalidOperationException($"{name} is not set; .ci/dockerd start sets it beside {EngineVariable}.");
    }

    public async Task InitializeAsync()
    {
        var host = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(host))
        {
            _missing = $"no {kind}: {variable} is not set (`.ci/dockerd start <dir>` starts one, see .ci/run).";
            return;
        }
        _endpoint = DockerEndpoint.Parse(host);
        try
        {
            // The newest client, negotiated down to the engine's own version (Docker 20.10: 1.41), as the docker CLI does.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            _client = await DockerClient.ConnectAsync(_endpoint, cancellationToken: timeout.Token);
            await _client.System.PingAsync(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or DockerException)
        {
            _missing = $"no {kind} answers at {host}: {e.Message}";
        }
    }

    /// <summary>A name unique to this run, for images and containers.</summary>
    public string Name(string what) => $"dapi-{what}-{RunId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Remembers an image reference to remove when the run ends.</summary>
    public string OwnImage(string reference)
    {
        lock (_images)
            _images.Add(reference);
        return reference;
    }

    /// <summary>Creates a container of test:latest (or <paramref name="image"/>) running <paramref name="cmd"/> (null: the image's own), labelled for cleanup, through <paramref name="client"/> (null: <see cref="Client"/>).</summary>
    public async Task<string> CreateAsync(string[]? cmd, Func<ContainerCreateRequest, ContainerCreateRequest>? configure = null, string? image = null,
        DockerClient? client = null)
    {
        var request = new ContainerCreateRequest
        {
            Image = image ?? Image,
            Cmd = cmd,
            Labels = new Dictionary<string, string> { [Label] = RunId },
            HostConfig = new HostConfig { NetworkMode = "none" },
        };
        var created = await (client ?? Client).Containers.CreateAsync(configure?.Invoke(request) ?? request, Name("c"));
        return created.Id;
    }

    /// <summary>Creates and starts a container of test:latest running <paramref name="cmd"/>.</summary>
    public async Task<string> StartedAsync(params string[] cmd)
    {
        var id = await CreateAsync(cmd);
        await Client.Containers.StartAsync(id);
        return id;
    }

    /// <summary>Creates and starts a container of test:latest running <paramref name="cmd"/>, and waits for it to exit.</summary>
    public Task<(string Id, long ExitCode)> RunAsync(params string[] cmd) => RunToExitAsync(cmd, Image);

    /// <summary>Runs <paramref name="image"/> with its own command, and waits for it to exit.</summary>
    public Task<(string Id, long ExitCode)> RunImageAsync(string image) => RunToExitAsync(null, image);

    private async Task<(string Id, long ExitCode)> RunToExitAsync(string[]? cmd, string image)
    {
        var id = await CreateAsync(cmd, image: image);
        await Client.Containers.StartAsync(id);
        var wait = await Client.Containers.WaitAsync(id);
        return (id, wait.StatusCode);
    }

    /// <summary>What a container wrote, from its logs: stdout and stderr apart.</summary>
    public async Task<(string Stdout, string Stderr)> OutputAsync(string id)
    {
        await using var logs = await Client.Containers.LogsOutputAsync(id, stdout: true, stderr: true);
        return await logs.ReadToEndAsync();
    }

    public const string WorkerVariable = "DOCKERAPI_TEST_WORKER_ENGINE";

    private Task<SwarmNodes>? _swarm;

    /// <summary>
    /// A two-node swarm, made once per run through the generated client: this engine initialises it (advertising
    /// 127.0.0.1) and the second engine of .ci/dockerd joins it as a worker (127.0.0.3). Left when the run ends.
    /// </summary>
    public Task<SwarmNodes> SwarmAsync()
    {
        var worker = Remote.Required(WorkerVariable);
        lock (_images)
            return _swarm ??= MakeSwarmAsync(DockerEndpoint.Parse(worker));
    }

    private async Task<SwarmNodes> MakeSwarmAsync(DockerEndpoint workerEndpoint)
    {
        var manager = Client;
        await manager.Swarm.InitAsync(new SwarmInitRequest { ListenAddr = "127.0.0.1:2377", AdvertiseAddr = "127.0.0.1" });
        var tokens = (await manager.Swarm.InspectAsync()).JoinTokens!;
        var worker = await DockerClient.ConnectAsync(workerEndpoint);
        await worker.Swarm.JoinAsync(new SwarmJoinRequest
        {
            ListenAddr = "127.0.0.3:2377", AdvertiseAddr = "127.0.0.3", RemoteAddrs = ["127.0.0.1:2377"], JoinToken = tokens.Worker!,
        });
        var workerId = (await worker.System.InfoAsync()).Swarm!.NodeID!;
        var managerId = (await manager.System.InfoAsync()).Swarm!.NodeID!;
        return new SwarmNodes(worker, managerId, workerId);
    }

    public async Task DisposeAsync()
    {
        if (_client is null || _missing is not null)
            return;
        if (_swarm is { IsCompletedSuccessfully: true } swarm)
        {
            // The worker first, then the manager, as the docker CLI's docs say; services go with the swarm.
            await swarm.Result.Worker.Swarm.LeaveAsync(force: true);
            swarm.Result.Worker.Dispose();
            await _client.Swarm.LeaveAsync(force: true);
        }
        var mine = await _client.Containers.ListAsync(all: true, filters: $$"""{"label":["{{Label}}={{RunId}}"]}""");
        foreach (var container in mine)
            await _client.Containers.DeleteAsync(container.Id!, force: true, v: true);
        foreach (var image in _images)
        {
            try
            {
                await _client.Images.DeleteAsync(image, force: true);
            }
            catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // removed by its test already
            }
        }
        _client.Dispose();
    }
}

/// <summary>The swarm of a run: a client of the worker engine, and both nodes' ids.</summary>
public sealed record SwarmNodes(DockerClient Worker, string ManagerId, string WorkerId);
