using DockerApi.Emulator.Api;
using DockerApi.Emulator.Http;
using DockerApi.Transport;

namespace DockerApi.Emulator;

/// <summary>
/// A Docker daemon of 2013 (docker 0.4.4, API v1.0 – v1.2) in this process: the wire behaviour of the real one,
/// in-memory images and containers, and emulated processes. For tests, samples, and code that drives Docker.
/// </summary>
/// <example><code>
/// await using var daemon = await EmulatedDaemon.StartAsync();
/// using var docker = new DockerApi.V1_2.DockerClient(daemon.Endpoint);
/// </code></example>
public sealed class EmulatedDaemon : IAsyncDisposable
{
    private readonly HttpServer _server;

    private EmulatedDaemon(HttpServer server) => _server = server;

    /// <summary>Where the daemon listens (with the real port when port 0 was asked for).</summary>
    public DockerEndpoint Endpoint => _server.Endpoint;

    /// <summary>Starts a daemon on <see cref="EmulatorOptions.Host"/>.</summary>
    public static Task<EmulatedDaemon> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        cancellationToken.ThrowIfCancellationRequested();
        var endpoint = DockerEndpoint.Parse(options.Host);
        var daemon = new Daemon(options);
        return Task.FromResult(new EmulatedDaemon(new HttpServer(endpoint, daemon.HandleAsync, options.MaxBodyBytes, options.HeadTimeout)));
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
