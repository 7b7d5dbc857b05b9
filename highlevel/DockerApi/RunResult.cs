using System.Text;

namespace DockerApi;

/// <summary>What a container or an exec left: its exit code and everything it wrote, each stream apart.</summary>
/// <param name="ExitCode">The process's exit code (<c>-1</c> when the 2013 daemon killed it).</param>
/// <param name="StdoutBytes">Its standard output as bytes (with a TTY: all its output).</param>
/// <param name="StderrBytes">Its standard error as bytes (empty with a TTY, which has one stream).</param>
public record ProcessResult(long ExitCode, byte[] StdoutBytes, byte[] StderrBytes)
{
    /// <summary>Standard output as UTF-8 text.</summary>
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    /// <summary>Standard error as UTF-8 text.</summary>
    public string Stderr => Encoding.UTF8.GetString(StderrBytes);
}

/// <summary>What <see cref="DockerContainers.RunAsync"/> gives: the container's id, exit code and output.</summary>
/// <param name="Id">The container's id (removed already, unless <see cref="ContainerOptions.Keep"/> was set).</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StdoutBytes">Standard output as bytes.</param>
/// <param name="StderrBytes">Standard error as bytes.</param>
public sealed record RunResult(string Id, long ExitCode, byte[] StdoutBytes, byte[] StderrBytes) : ProcessResult(ExitCode, StdoutBytes, StderrBytes);

/// <summary>What <see cref="Container.ExecAsync(IReadOnlyList{string}, CancellationToken)"/> gives: the command's exit code and output.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StdoutBytes">Standard output as bytes.</param>
/// <param name="StderrBytes">Standard error as bytes.</param>
public sealed record ExecResult(long ExitCode, byte[] StdoutBytes, byte[] StderrBytes) : ProcessResult(ExitCode, StdoutBytes, StderrBytes);

/// <summary>
/// One message of a pull or a push, and where every layer stands after it: what the docker CLI shows, a line per layer.
/// </summary>
/// <param name="Layer">The layer's id; null for a message about the whole image (<c>Pulling from library/busybox</c>, <c>Digest: …</c>).</param>
/// <param name="Status">What happens to it: <c>Downloading</c>, <c>Extracting</c>, <c>Pull complete</c>, <c>Already exists</c>…</param>
/// <param name="Current">Bytes done of this step, when the engine says.</param>
/// <param name="Total">Bytes of this step, when the engine says.</param>
public sealed record PullProgress(string? Layer, string Status, long? Current, long? Total)
{
    /// <summary>Every layer seen so far, in the order they first appeared, each at its latest status.</summary>
    public IReadOnlyList<LayerProgress> Layers { get; init; } = [];
}

/// <summary>Where one layer of a pull or a push stands: a line of the docker CLI's progress.</summary>
/// <param name="Id">The layer's short id.</param>
/// <param name="Status"><c>Waiting</c>, <c>Downloading</c>, <c>Extracting</c>, <c>Pull complete</c>, <c>Pushed</c>…</param>
/// <param name="Current">Bytes done of its current step, when the engine says.</param>
/// <param name="Total">Bytes of its current step, when the engine says.</param>
public sealed record LayerProgress(string Id, string Status, long? Current, long? Total);
