using DockerApi.Streams;
using DockerApi.Transport;

namespace DockerApi;

/// <summary>
/// A live connection to a container's or an exec's process (<c>docker attach</c>): its output as it comes, both
/// streams apart (one with a TTY, and on a 2013 daemon), and its input when it was asked for. Disposing it closes
/// the connection; the process goes on.
/// </summary>
/// <example>
/// <code>
/// await using var attached = await c.AttachAsync(stdin: true);
/// await attached.Input!.WriteAsync("hello\n"u8.ToArray());
/// attached.CloseInput();
/// await attached.Output.CopyOutputToAsync(Console.OpenStandardOutput(), Console.OpenStandardError());
/// </code>
/// </example>
public class ContainerAttachment : IAsyncDisposable
{
    internal ContainerAttachment(MultiplexedStream output, bool input) =>
        (Output, Input) = (output, input ? output.Inner as DockerHijackedStream : null);

    /// <summary>The process's output: read it with <see cref="MultiplexedStream.ReadAsync"/>, <see cref="MultiplexedStream.ReadLinesAsync"/>, <see cref="MultiplexedStream.CopyOutputToAsync"/> or as a <see cref="Stream"/>.</summary>
    public MultiplexedStream Output { get; }

    /// <summary>The process's standard input; null when it was not asked for.</summary>
    public Stream? Input { get; }

    /// <summary>Ends the process's input (as closing a pipe does), so that a program reading to its end goes on.</summary>
    public void CloseInput() => (Output.Inner as DockerHijackedStream)?.CloseWrite();

    /// <summary>Closes the connection.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return Output.DisposeAsync();
    }
}

/// <summary>
/// A command started in a running container (<see cref="Container.StartExecAsync"/>): its output and input as an
/// attachment, and its exit code once it has ended.
/// </summary>
public sealed class ExecProcess : ContainerAttachment
{
    private readonly Func<CancellationToken, Task<long>> _exitCode;

    internal ExecProcess(string id, MultiplexedStream output, bool input, Func<CancellationToken, Task<long>> exitCode) : base(output, input) =>
        (Id, _exitCode) = (id, exitCode);

    /// <summary>The exec's id.</summary>
    public string Id { get; }

    /// <summary>The command's exit code, once its output has been read to the end.</summary>
    public Task<long> GetExitCodeAsync(CancellationToken cancellationToken = default) => _exitCode(cancellationToken);
}

/// <summary>How <see cref="Container.StartExecAsync"/> runs a command (<c>docker exec</c>'s options).</summary>
public sealed record ExecOptions
{
    /// <summary>Whether the command reads our input (<c>-i</c>): <see cref="ContainerAttachment.Input"/>.</summary>
    public bool Interactive { get; init; }

    /// <summary>A terminal for the command (<c>-t</c>): one output stream.</summary>
    public bool Tty { get; init; }

    /// <summary>Variables added to the container's environment (<c>-e</c>).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The folder it starts in (<c>-w</c>); null for the container's.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The user it runs as (<c>-u</c>); null for the container's.</summary>
    public string? User { get; init; }

    /// <summary>The default options.</summary>
    public static ExecOptions Default { get; } = new();
}
