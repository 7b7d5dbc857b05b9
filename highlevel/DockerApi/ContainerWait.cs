namespace DockerApi;

/// <summary>
/// What <see cref="DockerContainers.StartAsync"/> waits for before it gives the container back
/// (<see cref="ContainerOptions.WaitFor"/>), as Testcontainers' wait strategies: a log line, the health check, a port.
/// </summary>
/// <example>
/// <code>
/// await using var db = await docker.Containers.StartAsync("postgres:16", options: new ContainerOptions
/// {
///     Environment = new Dictionary&lt;string, string&gt; { ["POSTGRES_PASSWORD"] = "pw" },
///     Ports = [new PortMapping(5432)],
///     WaitFor = ContainerWait.ForLog("ready to accept connections", TimeSpan.FromMinutes(1)),
/// });
/// </code>
/// </example>
public sealed class ContainerWait
{
    private readonly Func<Container, CancellationToken, Task> _wait;
    private readonly string _what;

    private ContainerWait(string what, Func<Container, CancellationToken, Task> wait) => (_what, _wait) = (what, wait);

    /// <summary>Until the container writes a line matching <paramref name="pattern"/>: <see cref="Container.WaitForLogAsync"/>.</summary>
    public static ContainerWait ForLog(string pattern, TimeSpan? timeout = null) =>
        new($"a log line matching '{pattern}'", (c, ct) => c.WaitForLogAsync(pattern, timeout, ct));

    /// <summary>Until the container's health check says healthy: <see cref="Container.WaitUntilHealthyAsync"/>.</summary>
    public static ContainerWait ForHealthy(TimeSpan? timeout = null) => new("healthy", (c, ct) => c.WaitUntilHealthyAsync(timeout, ct));

    /// <summary>Until the container's port takes connections: <see cref="Container.WaitForPortAsync"/>.</summary>
    public static ContainerWait ForPort(int containerPort, TimeSpan? timeout = null) =>
        new($"port {containerPort}", (c, ct) => c.WaitForPortAsync(containerPort, timeout, ct));

    internal Task WaitAsync(Container container, CancellationToken cancellationToken) => _wait(container, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"wait for {_what}";
}
