using DockerApi.Engines;

namespace DockerApi;

/// <summary>
/// A container to work with: run commands in it, move files in and out, read its output, wait for it. One that
/// <see cref="DockerContainers.StartAsync"/> or <see cref="DockerContainers.CreateAsync"/> made is removed by force
/// when disposed, with its anonymous volumes (the engine kills a process still running, as Testcontainers' disposal
/// does; <see cref="StopAsync"/> first gives it a graceful end); one found with <see cref="DockerContainers.Get"/> is
/// left as it is.
/// </summary>
public sealed partial class Container : IAsyncDisposable
{
    private readonly Docker _docker;
    private readonly bool _owned;
    private int _disposed;

    internal Container(Docker docker, string id, bool owned) => (_docker, Id, _owned) = (docker, id, owned);

    private IEngine Engine => _docker.Engine;

    /// <summary>The container's id (or the name it was found by).</summary>
    public string Id { get; }

    /// <summary>How long <see cref="StopAsync"/> gives the process to end after SIGTERM before it is killed; default 2 seconds.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Starts a created container (<c>docker start</c>).</summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when it is gone.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => Engine.StartAsync(Id, cancellationToken);

    /// <summary>What the engine says of the container now (<c>docker inspect</c>).</summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when it is gone.</exception>
    /// <example><code>var details = await c.InspectAsync(); Console.WriteLine($"{details.State} {details.ExitCode}");</code></example>
    public Task<ContainerDetails> InspectAsync(CancellationToken cancellationToken = default) => Engine.InspectAsync(Id, cancellationToken);

    /// <summary>
    /// Connects to the container's process (<c>docker attach</c>): its output from now on (with <paramref name="logs"/>,
    /// what it wrote before first), and its input with <paramref name="stdin"/> (create it with
    /// <see cref="ContainerOptions.Interactive"/>). Attach before <see cref="StartAsync"/> to miss nothing.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var attached = await c.AttachAsync();
    /// await foreach (var line in attached.Output.ReadLinesAsync())
    ///     Console.WriteLine(line.Text);
    /// </code>
    /// </example>
    public async Task<ContainerAttachment> AttachAsync(bool stdin = false, bool logs = false, CancellationToken cancellationToken = default)
    {
        var tty = (await Engine.InspectAsync(Id, cancellationToken).ConfigureAwait(false)).Tty;
        return await Engine.AttachAsync(Id, stdin, logs, tty, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a created container with a connection to its process, in the order that loses no output on the engine
    /// at hand: attach, then start (modern engines, as the docker CLI's <c>run</c>); on a 2013 daemon start, then attach
    /// with what was written meanwhile. Its input too with <paramref name="stdin"/> (create it <see cref="ContainerOptions.Interactive"/>).
    /// </summary>
    /// <example>
    /// <code>
    /// await using var c = await docker.Containers.CreateAsync("busybox", ["sh", "-c", "echo hi; sleep 1; echo bye"]);
    /// await using (var attached = await c.StartAttachedAsync())
    ///     await foreach (var line in attached.Output.ReadLinesAsync())
    ///         Console.WriteLine(line.Text);   // hi, then bye a second later
    /// long code = await c.WaitAsync();
    /// </code>
    /// </example>
    public async Task<ContainerAttachment> StartAttachedAsync(bool stdin = false, CancellationToken cancellationToken = default)
    {
        var tty = (await Engine.InspectAsync(Id, cancellationToken).ConfigureAwait(false)).Tty;
        if (!Engine.AttachesBeforeStart)
        {
            await Engine.StartAsync(Id, cancellationToken).ConfigureAwait(false);
            return await Engine.AttachAsync(Id, stdin, logs: true, tty, cancellationToken).ConfigureAwait(false);
        }
        var attached = await Engine.AttachAsync(Id, stdin, logs: false, tty, cancellationToken).ConfigureAwait(false);
        try
        {
            await Engine.StartAsync(Id, cancellationToken).ConfigureAwait(false);
            return attached;
        }
        catch
        {
            await attached.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

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
    public Task<ExecResult> ExecAsync(IReadOnlyList<string> command, CancellationToken cancellationToken = default) =>
        ExecAsync(command, ExecOptions.Default, cancellationToken);

    /// <summary>Runs <paramref name="command"/> in the container with <paramref name="options"/> (environment, user, folder), and waits for it to end.</summary>
    /// <example><code>var e = await c.ExecAsync(["id", "-u"], new ExecOptions { User = "nobody" });</code></example>
    public async Task<ExecResult> ExecAsync(IReadOnlyList<string> command, ExecOptions options, CancellationToken cancellationToken = default)
    {
        var process = await StartExecAsync(command, options with { Interactive = false }, cancellationToken).ConfigureAwait(false);
        (byte[] Stdout, byte[] Stderr) written;
        await using (process.ConfigureAwait(false))
            written = await OutputCollector.CollectAsync(process.Output, null, null, cancellationToken).ConfigureAwait(false);
        return new ExecResult(await process.GetExitCodeAsync(cancellationToken).ConfigureAwait(false), written.Stdout, written.Stderr);
    }

    /// <summary>
    /// Starts <paramref name="command"/> in the container and gives back its live output (and input, with
    /// <see cref="ExecOptions.Interactive"/>): for a command whose output is read as it comes, or that reads input.
    /// </summary>
    /// <exception cref="Transport.DockerVersionException">The daemon has no exec (2013's API); nothing was sent.</exception>
    /// <example>
    /// <code>
    /// await using var p = await c.StartExecAsync(["sh", "-c", "cat > /tmp/in; wc -c /tmp/in"], new ExecOptions { Interactive = true });
    /// await p.Input!.WriteAsync("four"u8.ToArray());
    /// p.CloseInput();
    /// var (stdout, _) = await p.Output.ReadToEndAsync();
    /// long code = await p.GetExitCodeAsync();
    /// </code>
    /// </example>
    public Task<ExecProcess> StartExecAsync(IReadOnlyList<string> command, ExecOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0)
            throw new ArgumentException("An exec needs a command.", nameof(command));
        return Engine.StartExecAsync(Id, command, options ?? ExecOptions.Default, cancellationToken);
    }

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
        Engine.LogsAsync(Id, follow, cancellationToken);

    /// <summary>
    /// Readings of the container's CPU and memory use (<c>docker stats</c>): one with <paramref name="stream"/> false,
    /// else one a second until the container ends or the enumeration stops.
    /// </summary>
    /// <exception cref="Transport.DockerVersionException">A 2013 daemon, which had no stats; nothing was sent.</exception>
    /// <example>
    /// <code>
    /// await foreach (var s in c.StatsAsync(stream: false))
    ///     Console.WriteLine($"{s.CpuPercent:0.0}% {s.MemoryUsage / 1e6:0.0} MB");
    /// </code>
    /// </example>
    public async IAsyncEnumerable<ContainerStats> StatsAsync(bool stream = true, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var reading in _docker.Modern("ContainerStats", "1.17").StatsAsync(Id, stream, cancellationToken).ConfigureAwait(false))
            yield return reading;
    }

    /// <summary>Waits for the container's process to end.</summary>
    /// <returns>Its exit code.</returns>
    /// <example><code>await c.StartAsync(); long code = await c.WaitAsync();</code></example>
    public Task<long> WaitAsync(CancellationToken cancellationToken = default) => Engine.WaitAsync(Id, cancellationToken);

    /// <summary>Stops the container: SIGTERM, then SIGKILL after <see cref="StopTimeout"/>.</summary>
    /// <example><code>await c.StopAsync(); // SIGTERM, then SIGKILL if it has not ended in time</code></example>
    public Task StopAsync(CancellationToken cancellationToken = default) => Engine.StopAsync(Id, StopTimeout, cancellationToken);

    /// <summary>Sends the process <paramref name="signal"/> (<c>docker kill</c>; <c>SIGKILL</c> when null).</summary>
    /// <exception cref="DockerApiException">The engine refused: 409 when it is not running.</exception>
    /// <example><code>await c.KillAsync("SIGHUP"); // ask the process to reload</code></example>
    public Task KillAsync(string? signal = null, CancellationToken cancellationToken = default) => Engine.KillAsync(Id, signal, cancellationToken);

    /// <summary>Saves the container's file system as an image (<c>docker commit</c>), tagged <paramref name="reference"/> when given.</summary>
    /// <returns>The new image's id.</returns>
    /// <example><code>string id = await c.CommitAsync("app:snapshot");</code></example>
    public Task<string> CommitAsync(string? reference = null, CancellationToken cancellationToken = default)
    {
        var (repository, tag) = reference is null ? (null, null) : ImageReference.Split(reference);
        return Engine.CommitAsync(Id, repository, tag, cancellationToken);
    }

    /// <summary>
    /// Removes the container now with its anonymous volumes: by <paramref name="force"/> (<c>docker rm -f</c>) also while
    /// it runs, else only once it has stopped (<c>docker rm</c>). Disposing it afterwards does nothing.
    /// </summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when it is gone already, 409 when it runs and <paramref name="force"/> is false.</exception>
    /// <example><code>await c.RemoveAsync(force: false); // only once it has stopped</code></example>
    public async Task RemoveAsync(bool force = true, CancellationToken cancellationToken = default)
    {
        await Engine.RemoveAsync(Id, force, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _disposed, 1);
    }

    /// <summary>
    /// For a container this client made: removes it by force, killing its process if it still runs; one already gone
    /// (removed elsewhere, pruned, <see cref="ContainerOptions.AutoRemove"/>) is fine. A second call, or one for a
    /// container found with <see cref="DockerContainers.Get"/>, does nothing.
    /// </summary>
    /// <exception cref="DockerApiException">The engine refused to remove it.</exception>
    public async ValueTask DisposeAsync()
    {
        if (!_owned || Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        // Forced: a process still running is killed with the removal (on 2013's engine, killed first).
        await Gone.IgnoredAsync(Engine.RemoveAsync(Id, force: true, CancellationToken.None)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"Container {Id}";

    private string Short => Id[..Math.Min(12, Id.Length)];
}
