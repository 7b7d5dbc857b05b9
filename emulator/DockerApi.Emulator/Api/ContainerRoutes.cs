using System.Text.Json;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>Containers as objects: list, create, inspect, changes, export, delete.</summary>
internal sealed class ContainerRoutes(DaemonState state) : RouteArea(state)
{
    public override void Register(Router router)
    {
        router.Add("GET", "/containers/ps", ListContainers);
        router.Add("GET", "/containers/json", ListContainers);
        router.Add("POST", "/containers/create", CreateContainer);
        router.Add("GET", "/containers/{name}/export", ExportContainer);
        router.Add("GET", "/containers/{name}/changes", ContainerChanges);
        router.Add("GET", "/containers/{name}/json", InspectContainer);
        router.Add("DELETE", "/containers/{name}", DeleteContainer);
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
        foreach (var container in State.Containers())
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
        var container = State.AddContainer(image, config, command);
        if (config.Hostname.Length == 0)
            config.Hostname = container.ShortId;
        // Go set the status before the Content-Type, which then came out as text/plain.
        return Json(c, 201, w => { w.WriteStartObject(); w.WriteString("Id", container.ShortId); w.WriteEndObject(); }, "text/plain; charset=utf-8");
    }

    private Task InspectContainer(RouteContext c)
    {
        var container = State.RequireContainer(c.Name);
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
        var container = State.RequireContainer(c.Name);
        // The daemon walked the container's rw folder, which its first mount (start or export) creates.
        if (!container.Mounted)
            throw new DaemonException($"lstat {Container.Root}/{container.Id}/rw: no such file or directory");
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
        var container = State.RequireContainer(c.Name);
        container.Mounted = true;
        var tar = new MemoryStream();
        container.Tree.WriteTar(tar);
        await c.Response.StartChunkedAsync("application/octet-stream", c.Cancellation);
        var bytes = tar.ToArray();
        for (var offset = 0; offset < bytes.Length; offset += 32 * 1024)
            await c.Response.WriteChunkAsync(bytes[offset..Math.Min(bytes.Length, offset + 32 * 1024)], c.Cancellation);
        await c.Response.EndAsync(c.Cancellation);
    }

    private Task DeleteContainer(RouteContext c)
    {
        c.Bool("v"); // parsed for its 400; emulated containers have no volumes of their own to remove
        var container = State.RequireContainer(c.Name);
        if (container.Running)
            throw new DaemonException("Impossible to remove a running container, please stop it first");
        State.RemoveContainer(container);
        return Empty(c, 204);
    }
}
