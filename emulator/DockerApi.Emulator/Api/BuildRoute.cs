using System.Text;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

internal sealed class BuildRoute(DaemonState state) : RouteArea(state)
{
    public override void Register(Router router) => router.Add("POST", "/build", Build);

    /// <summary>
    /// <c>POST /build</c> as 0.3.4 – 0.4.4 took it: multipart <c>Dockerfile</c> and optional <c>Context</c> parts,
    /// plain-text output line by line, <c>Error build: …</c> with status 200 on failure. Instructions: FROM,
    /// RUN, CMD, ENV, EXPOSE, MAINTAINER, ADD (from the context); others are skipped.
    /// </summary>
    private async Task Build(RouteContext c)
    {
        var parts = Multipart.Parse(c.Request.Header("Content-Type"), c.Request.Body);
        if (!parts.TryGetValue("Dockerfile", out var dockerfile))
            throw new DaemonException("http: no such file");
        var context = parts.TryGetValue("Context", out var tar) ? FileTree.FromTar(new MemoryStream(tar)) : new FileTree();
        await c.Response.StartChunkedAsync("text/plain; charset=utf-8", c.Cancellation);
        Task Say(string line) => c.Response.WriteChunkAsync(line + "\n", c.Cancellation);
        try
        {
            var id = await RunDockerfileAsync(Encoding.UTF8.GetString(dockerfile), context, Say, c.Cancellation);
            var tag = c.Request.Form("t");
            if (tag.Length > 0)
            {
                var (repository, t) = Graph.Split(tag);
                Graph.Tag(repository, t, id);
            }
            await Say("Successfully built " + id[..12]);
        }
        catch (DaemonException e)
        {
            await Say("Error build: " + e.Message);
        }
        // The answer has begun: whatever else fails is said in it, as the daemon said every build error.
        catch (Exception e) when (e is not (IOException or OperationCanceledException or ObjectDisposedException))
        {
            await Say("Error build: " + e.Message);
        }
        await c.Response.EndAsync(c.Cancellation);
    }

    private async Task<string> RunDockerfileAsync(string dockerfile, FileTree context, Func<string, Task> say, CancellationToken cancellationToken)
    {
        Image? image = null;
        var step = 0;
        foreach (var raw in dockerfile.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var space = line.IndexOf(' ');
            var instruction = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : line[(space + 1)..].Trim();
            await say($"Step {step++} : {instruction} {arguments}");
            if (instruction == "FROM")
            {
                image = Graph.Lookup(arguments) ?? PullForBuild(arguments);
                await say(" ---> " + image.ShortId);
                continue;
            }
            if (image is null)
                throw new DaemonException("Please provide a source image with `from` prior to " + instruction.ToLowerInvariant());
            var config = (image.Config ?? new ContainerConfig()).Clone();
            switch (instruction)
            {
                case "RUN":
                    image = await RunStepAsync(image, config, arguments, say, cancellationToken);
                    break;
                case "CMD":
                    config.Cmd = JsonCommand(arguments) ?? ["/bin/sh", "-c", arguments];
                    image = NopStep(image, config, $"CMD {arguments}");
                    break;
                case "ENV":
                    var pair = arguments.Split(' ', 2, StringSplitOptions.TrimEntries);
                    config.Env = [.. (config.Env ?? []).Where(e => !e.StartsWith(pair[0] + "=", StringComparison.Ordinal)), $"{pair[0]}={(pair.Length > 1 ? pair[1] : "")}"];
                    image = NopStep(image, config, $"ENV {arguments}");
                    break;
                case "EXPOSE":
                    config.PortSpecs = [.. config.PortSpecs ?? [], .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                    image = NopStep(image, config, $"EXPOSE {arguments}");
                    break;
                case "MAINTAINER":
                    image = NopStep(image, config, $"MAINTAINER {arguments}", author: arguments);
                    break;
                case "ADD":
                    var paths = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (paths.Length != 2)
                        throw new DaemonException("Invalid ADD format");
                    image = AddStep(image, config, context, paths[0], paths[1]);
                    break;
                default:
                    await say($"# Skipping unknown instruction {instruction}");
                    continue;
            }
            await say(" ---> " + image.ShortId);
        }
        return image?.Id ?? throw new DaemonException("An image has not been created");
    }

    /// <summary>CMD's argument as a JSON list of strings, or null when it is not one: 0.4.4 then ran it with <c>/bin/sh -c</c>.</summary>
    private static List<string>? JsonCommand(string arguments)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(arguments, EmulatorJson.Default.ListString);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private Image PullForBuild(string name)
    {
        var (repository, tag) = Graph.Split(name);
        if (State.Catalog.Find(repository)?.GetValueOrDefault(tag) is not { } chain)
            throw new DaemonException($"No such image: {name}");
        foreach (var layer in chain)
            Graph.Add(layer);
        Graph.Tag(repository, tag, chain[0].Id);
        return chain[0];
    }

    private async Task<Image> RunStepAsync(Image image, ContainerConfig config, string command, Func<string, Task> say, CancellationToken cancellationToken)
    {
        var runConfig = config.Clone();
        runConfig.Cmd = ["/bin/sh", "-c", command];
        runConfig.Image = image.Id;
        var container = State.AddContainer(image, runConfig, runConfig.Cmd);
        await say(" ---> Running in " + container.ShortId);
        State.Start(container);
        var (_, _, live) = container.Output.Attach(subscribe: true);
        await foreach (var (_, data) in live.ReadAllAsync(cancellationToken))
            await say(Encoding.UTF8.GetString(data).TrimEnd('\n'));
        await container.Exited.Task.WaitAsync(cancellationToken);
        if (container.ExitCode != 0)
            throw new DaemonException($"The command [/bin/sh -c {command}] returned a non-zero code: {container.ExitCode}");
        var committed = State.Commit(container, config, "", "");
        State.RemoveContainer(container);
        return committed;
    }

    private Image NopStep(Image image, ContainerConfig config, string description, string? author = null)
    {
        var result = new Image
        {
            Id = Ids.New(), Parent = image.Id, Tree = image.Tree.Copy(), Config = config, Author = author ?? image.Author,
            ContainerConfig = new ContainerConfig { Cmd = ["/bin/sh", "-c", "#(nop) " + description], Image = image.Id },
        };
        Graph.Add(result);
        return result;
    }

    private Image AddStep(Image image, ContainerConfig config, FileTree context, string source, string destination)
    {
        var tree = image.Tree.Copy();
        var from = FileTree.Normalize(source);
        var node = context.Get(from) ?? throw new DaemonException($"{source}: no such file or directory");
        long size = 0;
        try
        {
            if (node.IsDirectory)
            {
                // The folder's content, links copied as links.
                foreach (var (path, child) in context.Nodes.Where(n => n.Key.StartsWith(from == "/" ? "/" : from + "/", StringComparison.Ordinal)))
                {
                    tree.Put(destination.TrimEnd('/') + path[(from == "/" ? 0 : from.Length)..], child);
                    size += child.Content.Length;
                }
            }
            else
            {
                tree.Put(destination.EndsWith('/') ? destination + Path.GetFileName(from) : destination, node);
                size = node.Content.Length;
            }
        }
        catch (PathException e)
        {
            throw new DaemonException($"{destination}: {e.Message.ToLowerInvariant()}");
        }
        var result = new Image
        {
            Id = Ids.New(), Parent = image.Id, Tree = tree, Config = config, Size = size,
            ContainerConfig = new ContainerConfig { Cmd = ["/bin/sh", "-c", $"#(nop) ADD {source} in {destination}"], Image = image.Id },
        };
        Graph.Add(result);
        return result;
    }
}
