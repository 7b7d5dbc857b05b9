using DockerApi.Engines;

namespace DockerApi;

/// <summary>
/// A running container that <see cref="DockerContainers.StartAsync"/> started: run commands in it, move files in and
/// out, wait for it. Disposing it removes it by force with its anonymous volumes (the engine kills a process still
/// running, as Testcontainers' disposal does); <see cref="StopAsync"/> first gives the process a graceful end.
/// </summary>
public sealed class Container : IAsyncDisposable
{
    private readonly IEngine _engine;
    private int _disposed;

    internal Container(IEngine engine, string id) => (_engine, Id) = (engine, id);

    /// <summary>The container's id.</summary>
    public string Id { get; }

    /// <summary>How long <see cref="StopAsync"/> gives the process to end after SIGTERM before it is killed; default 2 seconds.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="command"/> in the container, as <c>docker exec</c>, and waits for it to end.</summary>
    /// <returns>Its exit code and both output streams, apart.</returns>
    /// <exception cref="Transport.DockerVersionException">The daemon has no exec (2013's API); nothing was sent.</exception>
    /// <exception cref="DockerApiException">The engine refused: 409 when the container is not running.</exception>
    /// <example>
    /// <code>
    /// var e = await c.ExecAsync(["sh", "-c", "cat /etc/hostname; echo warn >&amp;2"]);
    /// Console.WriteLine($"{e.ExitCode} {e.Stdout} {e.Stderr}");
    /// </code>
    /// </example>
    public Task<ExecResult> ExecAsync(IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0)
            throw new ArgumentException("An exec needs a command.", nameof(command));
        return _engine.ExecAsync(Id, command, cancellationToken);
    }

    /// <summary>Writes <paramref name="content"/> as the file <paramref name="path"/> (an absolute path whose folder exists), mode 0644.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not an absolute path of a file.</exception>
    /// <exception cref="DockerApiException">The engine refused: 404 when the folder does not exist.</exception>
    /// <exception cref="Transport.DockerVersionException">The daemon's API has no archive (before 1.20); nothing was sent.</exception>
    /// <example><code>await c.WriteFileAsync("/tmp/in.bin", bytes);</code></example>
    public Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        _engine.PutFileAsync(Id, path, content, cancellationToken);

    /// <summary>Reads the regular file <paramref name="path"/> out of the container (at most 64 MiB).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not an absolute path, or names something other than a regular file.</exception>
    /// <exception cref="DockerApiException">The engine refused: 404 when there is no such file.</exception>
    /// <example><code>byte[] back = await c.ReadFileAsync("/tmp/in.bin");</code></example>
    public Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        _engine.GetFileAsync(Id, path, cancellationToken);

    /// <summary>
    /// The container's output line by line, each with the stream it was written to (one stream with a TTY, found by
    /// asking the container), as <c>docker logs</c>: what it wrote so far, and with <paramref name="follow"/> what it
    /// writes until it ends.
    /// </summary>
    /// <example>
    /// <code>
    /// await foreach (var line in c.LogsAsync(follow: true))
    ///     Console.WriteLine($"{line.Stream}: {line.Text}");
    /// </code>
    /// </example>
    public IAsyncEnumerable<Streams.OutputLine> LogsAsync(bool follow = false, CancellationToken cancellationToken = default) =>
        _engine.LogsAsync(Id, follow, cancellationToken);

    /// <summary>
    /// Waits until the container writes a line that matches <paramref name="pattern"/> (a .NET regular expression), as
    /// Testcontainers' <c>UntilMessageIsLogged</c>: for a server that says when it is ready.
    /// </summary>
    /// <returns>The first matching line.</returns>
    /// <exception cref="DockerWaitException">The timeout passed, or the container ended without writing such a line.</exception>
    /// <example><code>await c.WaitForLogAsync("listening on port \d+", TimeSpan.FromSeconds(30));</code></example>
    public async Task<Streams.OutputLine> WaitForLogAsync(string pattern, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        var limit = timeout ?? TimeSpan.FromMinutes(1);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await foreach (var line in _engine.LogsAsync(Id, follow: true, deadline.Token).ConfigureAwait(false))
            {
                if (regex.IsMatch(line.Text))
                    return line;
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DockerWaitException($"the container {Id[..Math.Min(12, Id.Length)]} wrote no line matching '{pattern}' within {limit.TotalSeconds:0.#} s", Id, e);
        }
        throw new DockerWaitException($"the container {Id[..Math.Min(12, Id.Length)]} ended without writing a line matching '{pattern}'", Id);
    }

    /// <summary>Waits for the container's process to end.</summary>
    /// <returns>Its exit code.</returns>
    public Task<long> WaitAsync(CancellationToken cancellationToken = default) => _engine.WaitAsync(Id, cancellationToken);

    /// <summary>Stops the container: SIGTERM, then SIGKILL after <see cref="StopTimeout"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _engine.StopAsync(Id, StopTimeout, cancellationToken);

    /// <summary>Removes the container by force, killing its process if it still runs; a second call does nothing.</summary>
    /// <exception cref="DockerApiException">The engine refused to remove it.</exception>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        // Forced: a process still running is killed with the removal (on 2013's engine, killed first).
        await _engine.RemoveAsync(Id, CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"Container {Id}";
}
