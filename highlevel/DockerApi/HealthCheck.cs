namespace DockerApi;

/// <summary>
/// How the engine checks that a container is healthy (<c>docker run --health-cmd</c>), instead of the image's
/// <c>HEALTHCHECK</c>; <see cref="Container.WaitUntilHealthyAsync"/> waits for it.
/// </summary>
/// <param name="Command">The command, run in the container (exit code 0: healthy), e.g. <c>["pg_isready"]</c>.</param>
/// <example>
/// <code>
/// var options = new ContainerOptions { HealthCheck = new HealthCheck(["test", "-f", "/tmp/ready"]) { Interval = TimeSpan.FromMilliseconds(200) } };
/// </code>
/// </example>
public sealed record HealthCheck(IReadOnlyList<string> Command)
{
    /// <summary>The time between two checks; null for the engine's (30 s).</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>How long one check may take; null for the engine's (30 s).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How many failures in a row make the container unhealthy; null for the engine's (3).</summary>
    public int? Retries { get; init; }

    /// <summary>A grace period after the start in which failures do not count; null for none.</summary>
    public TimeSpan? StartPeriod { get; init; }
}
