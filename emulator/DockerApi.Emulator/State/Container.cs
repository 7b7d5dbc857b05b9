namespace DockerApi.Emulator.State;

/// <summary>A container: its configuration, its filesystem, its logs and, while it runs, its process.</summary>
internal sealed class Container
{
    /// <summary>Where the daemon kept containers (its error texts name folders below it).</summary>
    public const string Root = "/var/lib/docker/containers";

    public required string Id { get; init; }
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;
    public required string Path { get; init; }
    public required IReadOnlyList<string> Args { get; init; }
    public required ContainerConfig Config { get; init; }
    public required string ImageId { get; init; }
    public required FileTree Tree { get; init; }
    public required string IpAddress { get; init; }
    public OutputHub Output { get; } = new();

    public bool Running { get; set; }

    /// <summary>Whether the container's filesystem was ever mounted (by a start or an export), creating its rw folder.</summary>
    public bool Mounted { get; set; }

    public int Pid { get; set; }
    public int ExitCode { get; set; }
    public DateTimeOffset StartedAt { get; set; } = DateTimeOffset.MinValue;
    public IContainerProcess? Process { get; set; }

    /// <summary>Completes when the current (or last) run has ended.</summary>
    public TaskCompletionSource Exited { get; set; } = CompletedSource();

    public string ShortId => Id[..12];

    public string Status => Running ? "Up " + Human(DateTimeOffset.UtcNow - StartedAt) : "Exit " + ExitCode;

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    // utils.HumanDuration of docker 0.4.4.
    private static string Human(TimeSpan d) => d.TotalSeconds switch
    {
        < 1 => "Less than a second",
        < 60 => $"{(int)d.TotalSeconds} seconds",
        < 3600 => $"{(int)d.TotalMinutes} minutes",
        < 86400 => $"{(int)d.TotalHours} hours",
        _ => $"{(int)d.TotalDays} days",
    };
}
