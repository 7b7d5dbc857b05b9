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
    private Docker(DockerEndpoint endpoint, NegotiatedVersion negotiated, IEngine engine)
    {
        (Endpoint, Negotiated, Engine) = (endpoint, negotiated, engine);
        Containers = new DockerContainers(this);
        Images = new DockerImages(this);
        Networks = new DockerNetworks(this);
        Volumes = new DockerVolumes(this);
    }

    internal IEngine Engine { get; }

    /// <summary>The modern engine, for what 2013's did not have: else <paramref name="operation"/> needs <paramref name="since"/>, and nothing is sent.</summary>
    internal ModernEngine Modern(string operation, string since) =>
        Engine as ModernEngine ?? throw new DockerVersionException(operation, since, Engine.ApiVersion);

    /// <summary>Where ports the engine publishes on all its addresses are reached from here: the host of a TCP or ssh endpoint, else this machine.</summary>
    internal string PublishedHost => Endpoint.Kind is DockerEndpointKind.Tcp or DockerEndpointKind.Ssh ? Endpoint.Host : "127.0.0.1";

    /// <summary>
    /// Connects to the daemon at <paramref name="host"/> (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:2375</c>,
    /// <c>ssh://user@host</c>, <c>npipe:////./pipe/docker_engine</c>), or, when it is null, the one the docker CLI
    /// would use (<c>DOCKER_HOST</c>, <c>DOCKER_CONTEXT</c>, the current context, the default socket), and agrees on
    /// the API version with it.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="host"/> is not a Docker endpoint.</exception>
    /// <exception cref="DockerConnectionException">The daemon cannot be reached.</exception>
    /// <exception cref="DockerVersionException">The daemon speaks none of the versions this client has.</exception>
    /// <example>
    /// <code>
    /// await using var docker = await Docker.ConnectAsync();                 // as the docker CLI would
    /// await using var remote = await Docker.ConnectAsync("ssh://me@build-host");
    /// </code>
    /// </example>
    public static Task<Docker> ConnectAsync(string? host = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(DockerEndpointResolver.Resolve(host).Endpoint, cancellationToken);

    /// <summary>Connects to the daemon at <paramref name="endpoint"/> (with its TLS settings) and agrees on the API version.</summary>
    /// <exception cref="DockerConnectionException">The daemon cannot be reached.</exception>
    /// <exception cref="DockerVersionException">The daemon speaks none of the versions this client has.</exception>
    public static async Task<Docker> ConnectAsync(DockerEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var negotiated = await VersionNegotiation.NegotiateAsync(endpoint, ClientVersions, cancellationToken)
            .ConfigureAwait(false);
        IEngine engine = negotiated.ClientVersion == V1_2.DockerClient.ApiVersion ? new LegacyEngine(endpoint) : new ModernEngine(endpoint, negotiated);
        return new Docker(endpoint, negotiated, engine);
    }

    /// <summary>The API versions this client has generated clients of: 2013's <c>1.2</c> and the newest, which speaks every version down to 1.25.</summary>
    public static IReadOnlyList<string> ClientVersions { get; } = [V1_2.DockerClient.ApiVersion, Latest.DockerClient.ApiVersion];

    /// <summary>The API version agreed with the daemon: <c>1.2</c> for a 2013 daemon, the engine's own (<c>1.41</c> for Docker 20.10) or ours when it is newer.</summary>
    public string ApiVersion => Engine.ApiVersion;

    /// <summary>How the version was agreed: the daemon's range and the generated client in use.</summary>
    public NegotiatedVersion Negotiated { get; }

    /// <summary>The daemon's endpoint.</summary>
    public DockerEndpoint Endpoint { get; }

    /// <summary>Containers: run one to its end, start one to work with, in a line each.</summary>
    public DockerContainers Containers { get; }

    /// <summary>Images: pull, push, build, tag, list, remove.</summary>
    public DockerImages Images { get; }

    /// <summary>Networks, created and removed with <c>await using</c> (modern engines).</summary>
    public DockerNetworks Networks { get; }

    /// <summary>Named volumes, created and removed with <c>await using</c> (modern engines).</summary>
    public DockerVolumes Volumes { get; }

    /// <summary>What the daemon says of itself (<c>docker version</c>).</summary>
    /// <example><code>var v = await docker.VersionAsync(); Console.WriteLine($"{v.Version} (API {v.ApiVersion})");</code></example>
    public Task<EngineVersion> VersionAsync(CancellationToken cancellationToken = default) => Engine.VersionAsync(cancellationToken);

    /// <summary>What the daemon says of its host and contents (<c>docker info</c>).</summary>
    /// <example><code>var info = await docker.InfoAsync(); Console.WriteLine($"{info.Containers} containers, {info.Images} images");</code></example>
    public Task<EngineInfo> InfoAsync(CancellationToken cancellationToken = default) => Engine.InfoAsync(cancellationToken);

    /// <summary>
    /// Logs in to a registry as <c>docker login</c> does: the daemon checks <paramref name="credential"/> with the
    /// registry, then it is stored the docker CLI's way (its credential helper, else <c>config.json</c>), as an
    /// identity token when the registry gives one, for later pulls and pushes by this client and by the docker CLI.
    /// </summary>
    /// <returns>The registry's answer: <c>Login Succeeded</c>.</returns>
    /// <exception cref="DockerApiException">The registry refused the credentials (401).</exception>
    /// <exception cref="DockerConfigException">The credentials cannot be stored.</exception>
    /// <example><code>await docker.LoginAsync(new RegistryCredential("127.0.0.1:5000", "ci", password));</code></example>
    public async Task<string> LoginAsync(RegistryCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var (status, token) = await Engine.LoginAsync(credential, cancellationToken).ConfigureAwait(false);
        await RegistryCredentials.StoreAsync(token is null ? credential : new RegistryCredential(credential.ServerAddress, IdentityToken: token),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return status;
    }

    /// <summary>
    /// What happens on the engine as it happens (<c>docker events</c>): from <paramref name="since"/> (null: from now)
    /// until <paramref name="until"/> (null: until the enumeration stops), those matching <paramref name="filters"/>
    /// (<c>type</c>, <c>event</c>, <c>container</c>, <c>image</c>, <c>label</c>…).
    /// </summary>
    /// <exception cref="Transport.DockerVersionException">A 2013 daemon, whose events this client does not read; nothing was sent.</exception>
    /// <example>
    /// <code>
    /// await foreach (var e in docker.EventsAsync(new DockerFilters().Add("type", "container").Add("event", "die")))
    ///     Console.WriteLine($"{e.ActorId[..12]} exited with {e.Attributes["exitCode"]}");
    /// </code>
    /// </example>
    public async IAsyncEnumerable<DockerEvent> EventsAsync(Requests.DockerFilters? filters = null, DateTimeOffset? since = null, DateTimeOffset? until = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var engine = Modern("SystemEvents", VersionNegotiation.OldestSpokenDown.ToString());
        await foreach (var e in engine.EventsAsync(filters, since, until, cancellationToken).ConfigureAwait(false))
            yield return e;
    }

    /// <summary>
    /// The generated client of the newest API (namespace <c>DockerApi.Latest</c>), speaking the negotiated version, for
    /// everything the high-level calls do not cover (swarm, networks, volumes…); null on a 2013 daemon.
    /// </summary>
    public Latest.DockerClient? Api => (Engine as ModernEngine)?.Client;

    /// <summary>The generated v1.2 client, on a 2013 daemon (docker 0.4, the emulator); null on a modern engine.</summary>
    public V1_2.DockerClient? LegacyApi => (Engine as LegacyEngine)?.Client;

    /// <summary>Closes the connections; containers started with <see cref="DockerContainers.StartAsync"/> are removed by their own disposal.</summary>
    public void Dispose() => Engine.Dispose();

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
