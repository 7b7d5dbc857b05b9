namespace DockerApi;

/// <summary>Whether a container's image is pulled before the container is created, as <c>docker run --pull</c> has it.</summary>
public enum PullPolicy
{
    /// <summary>Pull only when the engine does not have the image (the docker CLI's default, and ours).</summary>
    Missing,

    /// <summary>Never pull: a missing image is the engine's 404.</summary>
    Never,

    /// <summary>Pull every time, so that a moved tag is followed.</summary>
    Always,
}

/// <summary>
/// How a container is made and run: what <c>docker run</c>'s options say. Every property is optional; the defaults are
/// the docker CLI's.
/// </summary>
/// <example>
/// <code>
/// var options = new ContainerOptions
/// {
///     Environment = new Dictionary&lt;string, string&gt; { ["GREETING"] = "hello" },
///     WorkingDirectory = "/tmp",
///     Labels = new Dictionary&lt;string, string&gt; { ["app"] = "demo" },
/// };
/// var result = await docker.Containers.RunAsync("busybox", ["sh", "-c", "echo $GREETING from $(pwd)"], options);
/// </code>
/// </example>
public sealed record ContainerOptions
{
    /// <summary>Environment variables of the container's process (<c>-e NAME=VALUE</c>).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Labels of the container (<c>--label</c>), to find it again with a filter.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The folder the command starts in (<c>-w</c>); null for the image's.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The user the command runs as (<c>-u</c>, <c>name</c>, <c>uid</c> or <c>uid:gid</c>); null for the image's.</summary>
    public string? User { get; init; }

    /// <summary>The program run instead of the image's entrypoint (<c>--entrypoint</c>); the command becomes its arguments.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>The container's name (<c>--name</c>); null for one the engine makes up.</summary>
    public string? Name { get; init; }

    /// <summary>The network the container joins (<c>--network</c>: <c>bridge</c>, <c>host</c>, <c>none</c> or a network's name); null for the engine's default.</summary>
    public string? Network { get; init; }

    /// <summary>Container ports published on the host (<c>-p</c>); <see cref="Container.GetHostPortAsync"/> says where.</summary>
    public IReadOnlyList<PortMapping>? Ports { get; init; }

    /// <summary>Host folders and named volumes mounted in the container (<c>-v</c>).</summary>
    public IReadOnlyList<Mount>? Mounts { get; init; }

    /// <summary>The most memory the container may use, in bytes (<c>-m</c>); null for no limit.</summary>
    public long? MemoryLimit { get; init; }

    /// <summary>How many CPUs' time the container may use (<c>--cpus 1.5</c>); null for no limit.</summary>
    public double? CpuLimit { get; init; }

    /// <summary>How the engine checks the container's health (<c>--health-cmd</c>); null for the image's <c>HEALTHCHECK</c>.</summary>
    public HealthCheck? HealthCheck { get; init; }

    /// <summary>
    /// For <see cref="DockerContainers.StartAsync"/>: what to wait for before it returns (<see cref="ContainerWait.ForLog"/>,
    /// <see cref="ContainerWait.ForHealthy"/>, <see cref="ContainerWait.ForPort"/>); when it fails or times out, the
    /// container is removed and the failure raised. Null: return once started.
    /// </summary>
    public ContainerWait? WaitFor { get; init; }

    /// <summary>
    /// For <see cref="DockerContainers.RunAsync"/>: each line of output as it arrives, with its stream, before the run
    /// ends (the result still holds all of it). Called on the reading thread, one line at a time; keep it short.
    /// </summary>
    public Action<Streams.OutputLine>? OnOutput { get; init; }

    /// <summary>Keep the container's standard input open (<c>-i</c>), to write it through <see cref="Container.AttachAsync"/>.</summary>
    public bool Interactive { get; init; }

    /// <summary>The engine removes the container when it ends (<c>docker run -d --rm</c>).</summary>
    public bool AutoRemove { get; init; }

    /// <summary>A terminal for the process (<c>-t</c>): its output is one stream, with <c>\r\n</c> line ends.</summary>
    public bool Tty { get; init; }

    /// <summary>
    /// What the process reads on its standard input, for <see cref="DockerContainers.RunAsync"/> (<c>-i</c> with a pipe):
    /// written, then closed, so that a program reading to the end of its input ends. Null for no input.
    /// </summary>
    public ReadOnlyMemory<byte>? Input { get; init; }

    /// <summary>Whether the image is pulled first; default <see cref="PullPolicy.Missing"/>.</summary>
    public PullPolicy Pull { get; init; } = PullPolicy.Missing;

    /// <summary>
    /// For <see cref="DockerContainers.RunAsync"/>: keep the container after it exits (<c>docker run</c> without
    /// <c>--rm</c>); default false, it is removed.
    /// </summary>
    public bool Keep { get; init; }

    /// <summary>The default options.</summary>
    public static ContainerOptions Default { get; } = new();
}
