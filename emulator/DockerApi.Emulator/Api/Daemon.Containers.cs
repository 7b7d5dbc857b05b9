using System.Text.Json;
using DockerApi.Emulator.Processes;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

internal sealed partial class Daemon
{
    private void RegisterContainerRoutes()
    {
        _router.Add("GET", "/containers/ps", ListContainers);
        _router.Add("GET", "/containers/json", ListContainers);
        _router.Add("POST", "/containers/create", CreateContainer);
        _router.Add("GET", "/containers/{name}/export", ExportContainer);
        _router.Add("GET", "/containers/{name}/changes", ContainerChanges);
        _router.Add("GET", "/containers/{name}/json", InspectContainer);
        _router.Add("POST", "/containers/{name}/kill", StopContainer);
        _router.Add("POST", "/containers/{name}/restart", RestartContainer);
        _router.Add("POST", "/containers/{name}/start", StartContainer);
        _router.Add("POST", "/containers/{name}/stop", StopContainer);
        _router.Add("POST", "/containers/{name}/wait", WaitContainer);
        _router.Add("POST", "/containers/{name}/resize", ResizeContainer);
        _router.Add("POST", "/containers/{name}/attach", AttachContainer);
        _router.Add("DELETE", "/containers/{name}", DeleteContainer);
    }

    private Task ListContainers(RouteContext c)
    {
        var all = c.Bool("all");
        var limit = int.TryParse(c.Request.Form("limit"), out var l) ? l : -1;
        var since = c.Request.Form("since");
        var before = c.Request.Form("before");
        // limit, since or before include stopped containers; since/before compare the short id.
        var includeStopped = all || limit > 0 || since.Length > 0 || before.Length > 0;
        var result = new List<Container>();
        var foundBefore = before.Length == 0;
        foreach (var container in Containers())
        {
            if (!container.Running && !includeStopped)
                continue;
            if (!foundBefore)
            {
                if (container.ShortId == before)
                    foundBefore = true;
                continue;
            }
            if (limit >= 0 && result.Count == limit)
                break;
            if (container.ShortId == since)
                break;
            result.Add(container);
        }
        return Json(c, 200, w =>
        {
            w.WriteStartArray();
            foreach (var container in result)
            {
                var image = Graph.Get(container.ImageId);
                var names = image is null ? [] : Graph.NamesOf(image.Id);
                w.WriteStartObject();
                w.WriteString("Id", container.Id);
                w.WriteString("Image", names.Count > 0 ? names[0] : container.ImageId[..12]);
                w.WriteString("Command", container.Path + " " + string.Join(' ', container.Args));
                w.WriteNumber("Created", container.Created.ToUnixTimeSeconds());
                w.WriteString("Status", container.Status);
                w.WriteString("Ports", "");
                w.WriteNumber("SizeRw", container.Tree.ChangesFrom(image?.Tree ?? new FileTree()).Where(x => x.Kind != 2).Sum(x => (long)(container.Tree.Get(x.Path)?.Content.Length ?? 0)));
                w.WriteNumber("SizeRootFs", container.Tree.Size);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private Task CreateContainer(RouteContext c)
    {
        var body = ParseBody(c) ?? throw new DaemonException("EOF");
        var config = ContainerConfig.Parse(body);
        // The daemon checked the memory limit before it looked the image up.
        if (config.Memory != 0 && config.Memory < 524288)
            throw new DaemonException("Memory limit must be given in bytes (minimum 524288 bytes)");
        var image = Graph.Require(config.Image);
        var command = config.Cmd is { Count: > 0 } ? config.Cmd : image.Config?.Cmd;
        if (command is not { Count: > 0 })
            throw new DaemonException("No command specified");
        var container = AddContainer(image, config, command);
        if (config.Hostname.Length == 0)
            config.Hostname = container.ShortId;
        // Go set the status before the Content-Type, which then came out as text/plain.
        return Json(c, 201, w => { w.WriteStartObject(); w.WriteString("Id", container.ShortId); w.WriteEndObject(); }, "text/plain; charset=utf-8");
    }

    /// <summary>A new container of <paramref name="image"/> running <paramref name="command"/>, over a copy of the image's files.</summary>
    private Container AddContainer(Image image, ContainerConfig config, IReadOnlyList<string> command)
    {
        var container = new Container
        {
            Id = Ids.New(),
            Path = command[0],
            Args = command.Skip(1).ToList(),
            Config = config,
            ImageId = image.Id,
            Tree = image.Tree.Copy(),
            IpAddress = $"172.16.42.{Interlocked.Increment(ref _nextAddress)}",
        };
        lock (_gate)
            _containers[container.Id] = container;
        return container;
    }

    private Task InspectContainer(RouteContext c)
    {
        var container = RequireContainer(c.Name);
        return Json(c, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("ID", container.Id);
            w.WriteString("Created", GoJson.Time(container.Created));
            w.WriteString("Path", container.Path);
            GoJson.WriteList(w, "Args", container.Args.ToList());
            w.WritePropertyName("Config");
            container.Config.Write(w);
            w.WriteStartObject("State");
            w.WriteBoolean("Running", container.Running);
            w.WriteNumber("Pid", container.Pid);
            w.WriteNumber("ExitCode", container.ExitCode);
            w.WriteString("StartedAt", GoJson.Time(container.StartedAt));
            w.WriteBoolean("Ghost", false);
            w.WriteEndObject();
            w.WriteString("Image", container.ImageId);
            w.WriteStartObject("NetworkSettings");
            w.WriteString("IPAddress", container.IpAddress);
            w.WriteNumber("IPPrefixLen", 24);
            w.WriteString("Gateway", "172.16.42.1");
            w.WriteString("Bridge", "docker0");
            w.WriteNull("PortMapping");
            w.WriteEndObject();
            w.WriteString("SysInitPath", "/usr/bin/docker");
            w.WriteString("ResolvConfPath", "/etc/resolv.conf");
            w.WriteNull("Volumes");
            w.WriteEndObject();
        });
    }

    private Task ContainerChanges(RouteContext c)
    {
        var container = RequireContainer(c.Name);
        var changes = container.Tree.ChangesFrom(Graph.Get(container.ImageId)?.Tree ?? new FileTree());
        return Json(c, 200, w =>
        {
            if (changes.Count == 0)
            {
                w.WriteNullValue(); // a nil slice
                return;
            }
            w.WriteStartArray();
            foreach (var (path, kind) in changes)
            {
                w.WriteStartObject();
                w.WriteString("Path", path);
                w.WriteNumber("Kind", kind);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private async Task ExportContainer(RouteContext c)
    {
        var container = RequireContainer(c.Name);
        var tar = new MemoryStream();
        container.Tree.WriteTar(tar);
        await c.Response.StartChunkedAsync("application/octet-stream", c.Cancellation);
        var bytes = tar.ToArray();
        for (var offset = 0; offset < bytes.Length; offset += 32 * 1024)
            await c.Response.WriteChunkAsync(bytes[offset..Math.Min(bytes.Length, offset + 32 * 1024)], c.Cancellation);
        await c.Response.EndAsync(c.Cancellation);
    }

    private Task StartContainer(RouteContext c)
    {
        var container = RequireContainer(c.Name);
        Start(container);
        return Empty(c, 204);
    }

    private void Start(Container container)
    {
        lock (_gate)
        {
            if (container.Running)
                throw new DaemonException($"Error starting container {container.Id}: The container {container.Id} is already running.");
            container.Running = true;
            container.Pid = 1000 + Random.Shared.Next(30000);
            container.StartedAt = DateTimeOffset.UtcNow;
            container.Exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            container.Process = ContainerProcess.Start(container);
        }
    }

    /// <summary>
    /// Stop and kill. The daemon waited <c>t</c> seconds (default 10) between SIGTERM and SIGKILL for a stop;
    /// emulated processes end at once, so both are the same here.
    /// </summary>
    private async Task StopContainer(RouteContext c)
    {
        var container = RequireContainer(c.Name);
        await Kill(container, c.Cancellation);
        await Empty(c, 204);
    }

    private static async Task Kill(Container container, CancellationToken cancellationToken)
    {
        container.Process?.Kill();
        await container.Exited.Task.WaitAsync(cancellationToken);
    }

    private async Task RestartContainer(RouteContext c)
    {
        var container = RequireContainer(c.Name);
        await Kill(container, c.Cancellation);
        Start(container);
        await Empty(c, 204);
    }

    private async Task WaitContainer(RouteContext c)
    {
        var container = RequireContainer(c.Name);
        await container.Exited.Task.WaitAsync(c.Cancellation);
        await Json(c, 200, w => { w.WriteStartObject(); w.WriteNumber("StatusCode", container.ExitCode); w.WriteEndObject(); });
    }

    private Task ResizeContainer(RouteContext c)
    {
        RequireContainer(c.Name); // 404 first, as the daemon looked the container up before parsing h and w
        foreach (var key in new[] { "h", "w" })
        {
            if (!int.TryParse(c.Request.Form(key), out _))
                throw new DaemonException($"strconv.ParseInt: parsing \"{c.Request.Form(key)}\": invalid syntax");
        }
        return c.Response.WriteAsync(200, null, [], c.Cancellation);
    }

    private Task DeleteContainer(RouteContext c)
    {
        c.Bool("v"); // parsed for its 400; emulated containers have no volumes of their own to remove
        var container = RequireContainer(c.Name);
        if (container.Running)
            throw new DaemonException("Impossible to remove a running container, please stop it first");
        lock (_gate)
            _containers.Remove(container.Id);
        return Empty(c, 204);
    }

    private async Task AttachContainer(RouteContext c)
    {
        bool logs = c.Bool("logs"), stream = c.Bool("stream"), stdin = c.Bool("stdin"), stdout = c.Bool("stdout"), stderr = c.Bool("stderr");
        var container = RequireContainer(c.Name);
        var connection = await c.Response.HijackAsync(c.Cancellation);
        var (storedOut, storedErr, live) = container.Output.Attach(subscribe: stream && (stdout || stderr));
        try
        {
            if (logs)
            {
                if (stdout)
                    await connection.WriteAsync(storedOut, c.Cancellation);
                if (stderr)
                    await connection.WriteAsync(storedErr, c.Cancellation);
            }
            if (!stream)
                return;
            // Stdin is read alongside; it ends with the connection, which the output's end closes below.
            if (stdin && container.Process is { } process)
                _ = ForwardStdinAsync(connection, container, process, c.Cancellation);
            await foreach (var (target, data) in live.ReadAllAsync(c.Cancellation))
            {
                if (target == OutputHub.Stdout && stdout || target == OutputHub.Stderr && stderr)
                    await connection.WriteAsync(data, c.Cancellation);
            }
        }
        finally
        {
            container.Output.Detach(live);
            await connection.FlushAsync(c.Cancellation);
            c.Response.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        }
    }

    /// <summary>Copies the connection's bytes to the container's stdin (if it keeps stdin open); at their end, closes stdin of a StdinOnce container.</summary>
    private static async Task ForwardStdinAsync(Stream connection, Container container, ContainerProcess process, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await connection.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (!container.Config.OpenStdin)
                    continue;
                var result = await process.Stdin.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                if (result.IsCompleted)
                    break;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection or the process ended first.
        }
        if (container.Config.OpenStdin && container.Config.StdinOnce && !container.Config.Tty)
        {
            try
            {
                process.CloseStdin();
            }
            catch (InvalidOperationException)
            {
                // Already closed.
            }
        }
    }
}
