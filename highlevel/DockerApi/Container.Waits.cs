using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace DockerApi;

/// <summary>Waiting until the container is ready: a log line, its health check, a port.</summary>
public sealed partial class Container
{
    /// <summary>How often the engine is asked again while a wait for health or a port goes on.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Waits until the container writes a line that matches <paramref name="pattern"/> (a .NET regular expression), as
    /// Testcontainers' <c>UntilMessageIsLogged</c>: for a server that says when it is ready.
    /// </summary>
    /// <returns>The first matching line.</returns>
    /// <exception cref="DockerWaitException">The timeout (default a minute) passed, or the container ended without writing such a line.</exception>
    /// <example><code>await c.WaitForLogAsync(@"listening on port \d+", TimeSpan.FromSeconds(30));</code></example>
    public async Task<Streams.OutputLine> WaitForLogAsync(string pattern, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        var limit = timeout ?? DefaultWait;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await foreach (var line in Engine.LogsAsync(Id, follow: true, deadline.Token).ConfigureAwait(false))
            {
                if (regex.IsMatch(line.Text))
                    return line;
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DockerWaitException($"the container {Short} wrote no line matching '{pattern}' within {limit.TotalSeconds:0.#} s", Id, e);
        }
        throw new DockerWaitException($"the container {Short} ended without writing a line matching '{pattern}'", Id);
    }

    /// <summary>
    /// Waits until the container's health check (its image's <c>HEALTHCHECK</c>, or <see cref="ContainerOptions.HealthCheck"/>)
    /// says <c>healthy</c>, as Testcontainers' <c>UntilContainerIsHealthy</c>.
    /// </summary>
    /// <exception cref="DockerWaitException">It became unhealthy, ended, has no health check, or the timeout (default a minute) passed.</exception>
    /// <exception cref="Transport.DockerVersionException">A 2013 daemon, which had no health checks.</exception>
    /// <example><code>await c.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));</code></example>
    public async Task WaitUntilHealthyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        _docker.Modern("ContainerInspect (health)", "1.24");
        await PollAsync(timeout, "healthy", async ct =>
        {
            var details = await InspectAsync(ct).ConfigureAwait(false);
            return details.Health switch
            {
                "healthy" => true,
                "unhealthy" => throw new DockerWaitException($"the container {Short} is unhealthy", Id),
                null => throw new DockerWaitException($"the container {Short} has no health check (none in its image, none in its options)", Id),
                _ when !details.Running => throw new DockerWaitException($"the container {Short} ended (exit code {details.ExitCode}) before it was healthy", Id),
                _ => false,
            };
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until <paramref name="containerPort"/> takes connections from this machine: at its published host port
    /// (<see cref="ContainerOptions.Ports"/>), or on the host itself for a container on the <c>host</c> network. A
    /// connection the engine's proxy accepts but closes at once (nothing listens behind it yet) does not count.
    /// </summary>
    /// <exception cref="DockerWaitException">The port is not published, the container ended, or the timeout (default a minute) passed.</exception>
    /// <example><code>await c.WaitForPortAsync(5432); var port = await c.GetHostPortAsync(5432);</code></example>
    public Task WaitForPortAsync(int containerPort, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        PollAsync(timeout, $"port {containerPort}", async ct =>
        {
            var details = await InspectAsync(ct).ConfigureAwait(false);
            if (!details.Running)
                throw new DockerWaitException($"the container {Short} ended (exit code {details.ExitCode}) before port {containerPort} took connections", Id);
            var (host, port) = Address(details, containerPort);
            return await TakesConnectionsAsync(host, port, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The host port the engine published <paramref name="containerPort"/> at (the one it chose for a <see cref="PortMapping"/> with host port 0).</summary>
    /// <exception cref="DockerWaitException">The port is not published.</exception>
    /// <example><code>int port = await c.GetHostPortAsync(80); // connect to localhost:port</code></example>
    public async Task<int> GetHostPortAsync(int containerPort, string protocol = "tcp", CancellationToken cancellationToken = default)
    {
        var details = await InspectAsync(cancellationToken).ConfigureAwait(false);
        return details.Ports.FirstOrDefault(p => p.ContainerPort == containerPort && p.Protocol == protocol)?.HostPort
            ?? throw new DockerWaitException($"the container {Short} has not published {containerPort}/{protocol}", Id);
    }

    private (string Host, int Port) Address(ContainerDetails details, int containerPort)
    {
        if (details.Ports.FirstOrDefault(p => p.ContainerPort == containerPort && p.Protocol == "tcp") is { } published)
            return (published.HostIp is "" or "0.0.0.0" or "::" ? _docker.PublishedHost : published.HostIp, published.HostPort);
        if (details.Raw.TryGetProperty("HostConfig", out var host) && host.TryGetProperty("NetworkMode", out var mode) && mode.GetString() == "host")
            return (_docker.PublishedHost, containerPort);
        throw new DockerWaitException($"the container {Short} has not published port {containerPort} (ContainerOptions.Ports) and is not on the host network", Id);
    }

    /// <summary>Connected, and the connection neither closed at once (a proxy with nothing behind it) nor failed.</summary>
    private static async Task<bool> TakesConnectionsAsync(string host, int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, ct).ConfigureAwait(false);
            using var settle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            settle.CancelAfter(PollInterval);
            try
            {
                return await client.GetStream().ReadAsync(new byte[1], settle.Token).ConfigureAwait(false) > 0;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return true; // open and quiet: a server waiting for its client to speak
            }
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Asks <paramref name="ready"/> every <see cref="PollInterval"/> until it says yes, throws, or the timeout passes.</summary>
    private async Task PollAsync(TimeSpan? timeout, string what, Func<CancellationToken, Task<bool>> ready, CancellationToken cancellationToken)
    {
        var limit = timeout ?? DefaultWait;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            while (!await ready(deadline.Token).ConfigureAwait(false))
                await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DockerWaitException($"the container {Short} was not {what} within {limit.TotalSeconds:0.#} s", Id, e);
        }
    }
}
