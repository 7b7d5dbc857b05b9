using System.Net;
using DockerApi.Engines;

namespace DockerApi;

/// <summary>The containers of a daemon, as docker-py's <c>client.containers</c>: run to the end, or start and work with.</summary>
public sealed class DockerContainers
{
    private readonly Docker _docker;

    internal DockerContainers(Docker docker) => _docker = docker;

    private IEngine Engine => _docker.Engine;

    /// <summary>
    /// Runs <paramref name="command"/> in a new container of <paramref name="image"/> to its end, as <c>docker run --rm</c>:
    /// the image is pulled when missing (<see cref="ContainerOptions.Pull"/>), the output read from the moment the
    /// process starts (however soon it exits), and the container removed afterwards unless
    /// <see cref="ContainerOptions.Keep"/> is set.
    /// </summary>
    /// <param name="image">The image: <c>busybox</c>, <c>127.0.0.1:5000/app:1</c>, <c>alpine@sha256:…</c>.</param>
    /// <param name="command">The command and its arguments; null for the image's own.</param>
    /// <param name="options">Environment, labels, input, TTY…; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the run; the container is removed all the same.</param>
    /// <returns>The exit code and the two output streams, apart (one stream with a TTY).</returns>
    /// <exception cref="DockerApiException">The engine refused: 404 when the image does not exist and cannot be pulled (nothing is left behind).</exception>
    /// <exception cref="Transport.DockerVersionException">An option the daemon's API version does not have (labels on a 2013 daemon).</exception>
    /// <example>
    /// <code>
    /// var r = await docker.Containers.RunAsync("busybox", ["sh", "-c", "echo out; echo err >&amp;2; exit 3"]);
    /// // r.ExitCode == 3, r.Stdout == "out\n", r.Stderr == "err\n"
    /// var piped = await docker.Containers.RunAsync("busybox", ["wc", "-c"], new ContainerOptions { Input = "four"u8.ToArray() });
    /// </code>
    /// </example>
    public async Task<RunResult> RunAsync(string image, IReadOnlyList<string>? command = null, ContainerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= ContainerOptions.Default;
        var id = await CreateIdAsync(image, command, options, cancellationToken).ConfigureAwait(false);
        RunResult result;
        try
        {
            var (stdout, stderr) = await Engine.StartAndCollectAsync(id, options, cancellationToken).ConfigureAwait(false);
            result = new RunResult(id, await Engine.WaitAsync(id, cancellationToken).ConfigureAwait(false), stdout, stderr);
        }
        catch when (!options.Keep)
        {
            await RemoveQuietlyAsync(id).ConfigureAwait(false);
            throw;
        }
        if (!options.Keep)
            await Gone.RemovedAsync(Engine.RemoveAsync(id, force: true, CancellationToken.None)).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Starts <paramref name="command"/> in a new container of <paramref name="image"/> and gives it back to work
    /// with: exec, files, logs, wait. With <see cref="ContainerOptions.WaitFor"/> it returns once that is seen; a wait
    /// that fails, times out or is cancelled removes the container. Disposing the <see cref="Container"/> kills and
    /// removes it, as Testcontainers does.
    /// </summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when the image does not exist and cannot be pulled.</exception>
    /// <exception cref="DockerWaitException">What <see cref="ContainerOptions.WaitFor"/> waits for was not seen; the container is gone.</exception>
    /// <example>
    /// <code>
    /// await using var c = await docker.Containers.StartAsync("busybox", ["sleep", "300"]);
    /// var e = await c.ExecAsync(["cat", "/etc/hostname"]);
    /// </code>
    /// </example>
    public async Task<Container> StartAsync(string image, IReadOnlyList<string>? command = null, ContainerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= ContainerOptions.Default;
        var id = await CreateIdAsync(image, command, options, cancellationToken).ConfigureAwait(false);
        var container = new Container(_docker, id, owned: true);
        try
        {
            await Engine.StartAsync(id, cancellationToken).ConfigureAwait(false);
            if (options.WaitFor is { } wait)
                await wait.WaitAsync(container, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await RemoveQuietlyAsync(id).ConfigureAwait(false);
            throw;
        }
        return container;
    }

    /// <summary>
    /// Creates a container of <paramref name="image"/> without starting it (<c>docker create</c>): attach to it, copy
    /// files in, then <see cref="Container.StartAsync"/>. Disposing it removes it.
    /// </summary>
    /// <exception cref="DockerApiException">The engine refused: 404 when the image does not exist and cannot be pulled.</exception>
    /// <example>
    /// <code>
    /// await using var c = await docker.Containers.CreateAsync("busybox", ["cat", "/config.json"]);
    /// await c.WriteFileAsync("/config.json", "{}"u8.ToArray());
    /// await c.StartAsync();
    /// </code>
    /// </example>
    public async Task<Container> CreateAsync(string image, IReadOnlyList<string>? command = null, ContainerOptions? options = null,
        CancellationToken cancellationToken = default) =>
        new(_docker, await CreateIdAsync(image, command, options ?? ContainerOptions.Default, cancellationToken).ConfigureAwait(false), owned: true);

    /// <summary>
    /// A container that exists already, by id or name (<c>docker ps</c>'s), to work with; nothing is asked of the engine
    /// until it is used, and disposing it leaves it as it is.
    /// </summary>
    /// <example><code>await docker.Containers.Get("web").StopAsync();</code></example>
    public Container Get(string idOrName)
    {
        ArgumentException.ThrowIfNullOrEmpty(idOrName);
        return new Container(_docker, idOrName, owned: false);
    }

    /// <summary>The daemon's containers, as <c>docker ps</c>: the running ones, or every one with <paramref name="all"/>, that match <paramref name="filters"/>.</summary>
    /// <param name="filters">Which (<c>label</c>, <c>status</c>, <c>name</c>, <c>ancestor</c>…: those of <c>docker ps --filter</c>); null for all.</param>
    /// <param name="all">Stopped containers too (<c>-a</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Transport.DockerVersionException">Filters on a 2013 daemon, whose list had none; nothing was sent.</exception>
    /// <example>
    /// <code>
    /// var mine = await docker.Containers.ListAsync(new DockerFilters().Add("label", "app=web"), all: true);
    /// var exited = await docker.Containers.ListAsync(DockerFilters.Parse(["status=exited"]), all: true);
    /// </code>
    /// </example>
    public Task<IReadOnlyList<ContainerInfo>> ListAsync(Requests.DockerFilters? filters = null, bool all = false, CancellationToken cancellationToken = default) =>
        Engine.ListAsync(all, filters, cancellationToken);

    /// <summary>Removes every stopped container that matches <paramref name="filters"/> (<c>until</c>, <c>label</c>), as <c>docker container prune</c>.</summary>
    /// <exception cref="Transport.DockerVersionException">A 2013 daemon (prunes came with API 1.25); nothing was sent.</exception>
    /// <example><code>var gone = await docker.Containers.PruneAsync(DockerFilters.Parse(["label=app=demo"]));</code></example>
    public async Task<PruneResult> PruneAsync(Requests.DockerFilters? filters = null, CancellationToken cancellationToken = default) =>
        await _docker.Modern("ContainerPrune", "1.25").PruneContainersAsync(filters, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates the container, pulling its image first as <paramref name="options"/> say.</summary>
    private async Task<string> CreateIdAsync(string image, IReadOnlyList<string>? command, ContainerOptions options, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        if (options.Pull == PullPolicy.Always)
            await _docker.Images.PullAsync(image, null, ct).ConfigureAwait(false);
        try
        {
            return await Engine.CreateAsync(image, command, options, ct).ConfigureAwait(false);
        }
        catch (DockerApiException missing) when (missing.StatusCode == HttpStatusCode.NotFound && options.Pull == PullPolicy.Missing)
        {
            // Another missing thing (a network) is not the image's: that 404 is the answer.
            if (await _docker.Images.ExistsAsync(image, ct).ConfigureAwait(false))
                throw;
            try
            {
                await _docker.Images.PullAsync(image, null, ct).ConfigureAwait(false);
            }
            catch (DockerException pull)
            {
                // The user asked for a container: the answer is that the image is not there, with why the pull failed.
                throw new DockerApiException(HttpStatusCode.NotFound, $"{missing.DaemonMessage}; pulling it failed: {pull.Message}",
                    missing.Operation, missing.Method, missing.RequestPath);
            }
            return await Engine.CreateAsync(image, command, options, ct).ConfigureAwait(false);
        }
    }

    private async Task RemoveQuietlyAsync(string id)
    {
        try
        {
            await Engine.RemoveAsync(id, force: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerException)
        {
            // The failure that brought us here is the one to report.
        }
    }
}
