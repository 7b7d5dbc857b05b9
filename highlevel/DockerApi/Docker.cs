using DockerApi.Configuration;
using DockerApi.Engines;
using DockerApi.Transport;

namespace DockerApi;

/// <summary>
/// A connection to a Docker daemon, with its containers and images: the high-level client, as short as docker-py's
/// <c>DockerClient</c> and the same on every engine (docker 0.4 of 2013, today's Docker Engine, Podman). The API
/// version is negotiated once, on connecting; the generated client of that version does the calls.
/// </summary>
/// <example>
/// <code>
/// await using var docker = await Docker.ConnectAsync();
/// var result = await docker.Containers.RunAsync("busybox", ["sh", "-c", "echo out; echo err >&amp;2; exit 3"]);
/// Console.WriteLine($"{result.ExitCode}: {result.Stdout}"); // 3: out
/// </code>
/// </example>
public sealed class Docker : IAsyncDisposable, IDisposable
{
    private readonly IEngine _engine;

    private Docker(DockerEndpoint endpoint, NegotiatedVersion negotiated, IEngine engine)
    {
        (Endpoint, Negotiated, _engine) = (endpoint, negotiated, engine);
        Containers = new DockerContainers(this, engine);
        Images = new DockerImages(engine);
    }

    /// <summary>
    /// Connects to the daemon at <paramref name="host"/> (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:2375</c>,
    /// <c>ssh://user@host</c>, <c>npipe:////./pipe/docker_engine</c>), or, when it is null, the one the docker CLI
    /// would use (<c>DOCKER_HOST</c>, <c>DOCKER_CONTEXT</c>, the current context, the default socket), and agrees on
    /// the API version with it.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="host"/> is not a Docker endpoint.</exception>
    /// <exception cref="DockerConnectionException">The daemon cannot be reached.</exception>
    /// <exception cref="DockerVersionException">The daemon speaks none of the versions this client has.</exception>
    public static Task<Docker> ConnectAsync(string? host = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(DockerEndpointResolver.Resolve(host).Endpoint, cancellationToken);

    /// <summary>Connects to the daemon at <paramref name="endpoint"/> (with its TLS settings) and agrees on the API version.</summary>
    /// <exception cref="DockerConnectionException">The daemon cannot be reached.</exception>
    /// <exception cref="DockerVersionException">The daemon speaks none of the versions this client has.</exception>
    public static async Task<Docker> ConnectAsync(DockerEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var negotiated = await VersionNegotiation.NegotiateAsync(endpoint, [V1_2.DockerClient.ApiVersion, Latest.DockerClient.ApiVersion], cancellationToken)
            .ConfigureAwait(false);
        IEngine engine = negotiated.ClientVersion == V1_2.DockerClient.ApiVersion ? new LegacyEngine(endpoint) : new ModernEngine(endpoint, negotiated);
        return new Docker(endpoint, negotiated, engine);
    }

    /// <summary>The API version agreed with the daemon: <c>1.2</c> for a 2013 daemon, the engine's own (<c>1.41</c> for Docker 20.10) or ours when it is newer.</summary>
    public string ApiVersion => _engine.ApiVersion;

    /// <summary>How the version was agreed: the daemon's range and the generated client in use.</summary>
    public NegotiatedVersion Negotiated { get; }

    /// <summary>The daemon's endpoint.</summary>
    public DockerEndpoint Endpoint { get; }

    /// <summary>Containers: run one to its end, start one to work with, in a line each.</summary>
    public DockerContainers Containers { get; }

    /// <summary>Images: pull, check, remove.</summary>
    public DockerImages Images { get; }

    /// <summary>
    /// The generated client of the newest API (namespace <c>DockerApi.Latest</c>), speaking the negotiated version, for
    /// everything the high-level calls do not cover (swarm, networks, volumes…); null on a 2013 daemon.
    /// </summary>
    public Latest.DockerClient? Api => (_engine as ModernEngine)?.Client;

    /// <summary>The generated v1.2 client, on a 2013 daemon (docker 0.4, the emulator); null on a modern engine.</summary>
    public V1_2.DockerClient? LegacyApi => (_engine as LegacyEngine)?.Client;

    /// <summary>Closes the connections; containers started with <see cref="DockerContainers.StartAsync"/> are removed by their own disposal.</summary>
    public void Dispose() => _engine.Dispose();

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
