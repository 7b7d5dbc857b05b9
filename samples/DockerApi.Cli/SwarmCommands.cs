using System.Text;
using DockerApi.Serialization;
using DockerApi.Swarm;
using DockerApi.Latest;
using Spectre.Console;
// Docker's Swarm task is DockerApi.Latest.Task; Task here is the framework's.
using Task = System.Threading.Tasks.Task;

namespace DockerApi.Cli;

/// <summary>
/// <c>swarm</c>, <c>node</c>, <c>service</c> and <c>secret</c> commands on the newest client, shaped as the docker CLI's;
/// service changes wait for convergence and show it as it goes.
/// </summary>
internal sealed class SwarmCommands(DockerClient docker, IAnsiConsole console, TextWriter stdout, TextReader stdin)
{
    public Task<int> RunAsync(string group, List<string> args, CancellationToken ct) => (group, args.ElementAtOrDefault(0)) switch
    {
        ("swarm", "init") => SwarmInitAsync(args.Skip(1).ToList(), ct),
        ("swarm", "join") => SwarmJoinAsync(args.Skip(1).ToList(), ct),
        ("swarm", "leave") => Done(docker.Swarm.LeaveAsync(force: args.Contains("--force") || args.Contains("-f"), cancellationToken: ct), "Node left the swarm."),
        ("node", "ls") => NodesAsync(ct),
        ("node", "update") => NodeUpdateAsync(args.Skip(1).ToList(), ct),
        ("service", "create") => ServiceCreateAsync(args.Skip(1).ToList(), ct),
        ("service", "ls") => ServicesAsync(ct),
        ("service", "ps") => ServiceTasksAsync(CommandOptions.Required(args, 1, "service ps SERVICE"), ct),
        ("service", "scale") => ServiceScaleAsync(CommandOptions.Required(args, 1, "service scale SERVICE=REPLICAS"), ct),
        ("service", "update") => ServiceUpdateAsync(args.Skip(1).ToList(), ct),
        ("service", "rollback") => ServiceRollbackAsync(CommandOptions.Required(args, 1, "service rollback SERVICE"), ct),
        ("service", "logs") => ServiceLogsAsync(CommandOptions.Required(args, 1, "service logs SERVICE"), ct),
        ("service", "rm") => Done(docker.Services.DeleteAsync(CommandOptions.Required(args, 1, "service rm SERVICE"), ct), CommandOptions.Required(args, 1, "")),
        ("secret", "create") => SecretCreateAsync(CommandOptions.Required(args, 1, "secret create NAME FILE|-"), CommandOptions.Required(args, 2, "secret create NAME FILE|-"), ct),
        ("secret", "ls") => SecretsAsync(ct),
        ("secret", "rm") => Done(docker.Secrets.DeleteAsync(CommandOptions.Required(args, 1, "secret rm SECRET"), ct), CommandOptions.Required(args, 1, "")),
        _ => throw new ArgumentException($"unknown command '{group} {string.Join(' ', args)}'; run 'docker help'"),
    };

    private async Task<int> Done(Task call, string line)
    {
        await call;
        await stdout.WriteLineAsync(line);
        return 0;
    }

    private async Task<int> SwarmInitAsync(List<string> args, CancellationToken ct)
    {
        var advertise = CommandOptions.Take(args, "--advertise-addr") ?? "127.0.0.1";
        var node = await docker.Swarm.InitAsync(new SwarmInitRequest { ListenAddr = $"{advertise}:2377", AdvertiseAddr = advertise }, ct);
        var token = (await docker.Swarm.InspectAsync(ct)).JoinTokens?.Worker;
        await stdout.WriteLineAsync($"Swarm initialized: current node ({node.Trim('"')}) is now a manager.");
        await stdout.WriteLineAsync($"To add a worker to this swarm, run: docker swarm join --token {token} {advertise}:2377");
        return 0;
    }

    private async Task<int> SwarmJoinAsync(List<string> args, CancellationToken ct)
    {
        var token = CommandOptions.Take(args, "--token") ?? throw new ArgumentException("Usage: docker swarm join --token TOKEN [--listen-addr ADDR] [--advertise-addr ADDR] MANAGER");
        var listen = CommandOptions.Take(args, "--listen-addr") ?? "0.0.0.0:2377";
        var advertise = CommandOptions.Take(args, "--advertise-addr");
        await docker.Swarm.JoinAsync(new SwarmJoinRequest { JoinToken = token, ListenAddr = listen, AdvertiseAddr = advertise, RemoteAddrs = [CommandOptions.Required(args, 0, "swarm join --token TOKEN MANAGER")] }, ct);
        await stdout.WriteLineAsync("This node joined a swarm as a worker.");
        return 0;
    }

    private async Task<int> NodesAsync(CancellationToken ct)
    {
        var self = (await docker.System.InfoAsync(ct)).Swarm?.NodeID;
        var table = Table("ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS");
        foreach (var node in await docker.Nodes.ListAsync(cancellationToken: ct))
            table.AddRow(Markup.Escape(node.ID + (node.ID == self ? " *" : "")), Markup.Escape(node.Description?.Hostname ?? ""), Markup.Escape(node.Status?.State?.ToString() ?? ""),
                Markup.Escape(node.Spec?.Availability?.ToString() ?? ""), Markup.Escape(node.ManagerStatus?.Leader == true ? "Leader" : node.ManagerStatus?.Reachability?.ToString() ?? ""));
        console.Write(table);
        return 0;
    }

    private async Task<int> NodeUpdateAsync(List<string> args, CancellationToken ct)
    {
        var availability = CommandOptions.Take(args, "--availability") ?? throw new ArgumentException("Usage: docker node update --availability active|pause|drain NODE");
        var node = await docker.Nodes.InspectAsync(CommandOptions.Required(args, 0, "node update --availability active|pause|drain NODE"), ct);
        await docker.Nodes.UpdateAsync(node.ID!, checked((long)node.Version!.Index!.Value), node.Spec! with { Availability = new NodeSpecAvailability(availability) }, ct);
        await stdout.WriteLineAsync(node.ID);
        return 0;
    }

    private async Task<int> ServiceCreateAsync(List<string> args, CancellationToken ct)
    {
        var name = CommandOptions.Take(args, "--name");
        var replicas = long.Parse(CommandOptions.Take(args, "--replicas") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var image = CommandOptions.Required(args, 0, "service create [--name NAME] [--replicas N] IMAGE [COMMAND...]");
        var created = await docker.Services.CreateAsync(new ServiceCreateRequest
        {
            Name = name,
            TaskTemplate = new TaskSpec { ContainerSpec = new TaskSpecContainerSpec { Image = image, Command = args.Count > 1 ? args.Skip(1).ToList() : null } },
            Mode = new ServiceCreateRequestMode { Replicated = new ServiceCreateRequestModeReplicated { Replicas = replicas } },
        }, cancellationToken: ct);
        await stdout.WriteLineAsync(created.ID);
        return await ConvergeAsync(created.ID!, ct);
    }

    /// <summary>The convergence as a progress bar, as `docker service create` shows it; its failure names the task errors.</summary>
    private async Task<int> ConvergeAsync(string service, CancellationToken ct)
    {
        ServiceProgress? last = null;
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask("overall progress", maxValue: 1);
            last = await ServiceConvergence.WaitAsync(docker, service, new Progress<ServiceProgress>(p =>
            {
                bar.MaxValue = Math.Max(1, p.Desired);
                bar.Value = p.Running;
                bar.Description = Markup.Escape($"{p.Running} out of {p.Desired} tasks{(p.UpdateState is null ? "" : ", " + p.UpdateState)}");
            }), cancellationToken: ct);
        });
        await stdout.WriteLineAsync($"verify: Service {service} converged ({last!.Running}/{last.Desired} running)");
        return 0;
    }

    private async Task<int> ServicesAsync(CancellationToken ct)
    {
        var table = Table("ID", "NAME", "MODE", "REPLICAS", "IMAGE");
        foreach (var service in await docker.Services.ListAsync(status: true, cancellationToken: ct))
            table.AddRow(Markup.Escape(service.ID ?? ""), Markup.Escape(service.Spec?.Name ?? ""), service.Spec?.Mode?.Replicated is null ? "global" : "replicated",
                $"{service.ServiceStatus?.RunningTasks}/{service.ServiceStatus?.DesiredTasks}", Markup.Escape(service.Spec?.TaskTemplate?.ContainerSpec?.Image ?? ""));
        console.Write(table);
        return 0;
    }

    private async Task<int> ServiceTasksAsync(string service, CancellationToken ct)
    {
        var id = (await docker.Services.InspectAsync(service, cancellationToken: ct)).ID;
        var table = Table("ID", "SLOT", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR");
        foreach (var task in (await docker.Tasks.ListAsync($$"""{"service":["{{System.Text.Json.JsonEncodedText.Encode(id!)}}"]}""", ct)).OrderBy(t => t.Slot))
            table.AddRow(Markup.Escape(task.ID ?? ""), $"{task.Slot}", Markup.Escape(task.NodeID ?? ""), Markup.Escape(task.DesiredState?.ToString() ?? ""),
                Markup.Escape(task.Status?.State?.ToString() ?? ""), Markup.Escape(task.Status?.Err ?? ""));
        console.Write(table);
        return 0;
    }

    private Task<int> ServiceScaleAsync(string assignment, CancellationToken ct) =>
        assignment.Split('=', 2) is [var name, var count]
            ? ServiceUpdateAsync(["--replicas", count, name], ct)
            : throw new ArgumentException("Usage: docker service scale SERVICE=REPLICAS");

    /// <summary><c>service update [--image IMAGE] [--replicas N] SERVICE</c>: the current spec with those changed, at its version.</summary>
    private async Task<int> ServiceUpdateAsync(List<string> args, CancellationToken ct)
    {
        var image = CommandOptions.Take(args, "--image");
        var replicas = CommandOptions.Take(args, "--replicas") is { } text ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        var service = await docker.Services.InspectAsync(CommandOptions.Required(args, 0, "service update [--image IMAGE] [--replicas N] SERVICE"), cancellationToken: ct);
        var spec = service.Spec!;
        var template = image is null ? spec.TaskTemplate : spec.TaskTemplate! with { ContainerSpec = spec.TaskTemplate.ContainerSpec! with { Image = image } };
        await docker.Services.UpdateAsync(service.ID!, new ServiceUpdateRequest
        {
            Name = spec.Name, Labels = spec.Labels, TaskTemplate = template,
            Mode = spec.Mode?.Replicated is { } replicated
                ? new ServiceUpdateRequestMode { Replicated = new ServiceUpdateRequestModeReplicated { Replicas = replicas ?? replicated.Replicas } }
                : new ServiceUpdateRequestMode { Global = EmptyObject.Instance },
        }, checked((long)service.Version!.Index!.Value), cancellationToken: ct);
        await stdout.WriteLineAsync(spec.Name);
        return await ConvergeAsync(service.ID!, ct);
    }

    private async Task<int> ServiceRollbackAsync(string name, CancellationToken ct)
    {
        var service = await docker.Services.InspectAsync(name, cancellationToken: ct);
        // As the docker CLI: the current spec with rollback=previous; the manager puts back the one before it.
        var spec = service.Spec!;
        await docker.Services.UpdateAsync(service.ID!, new ServiceUpdateRequest { Name = spec.Name, Labels = spec.Labels, TaskTemplate = spec.TaskTemplate },
            checked((long)service.Version!.Index!.Value), rollback: "previous", cancellationToken: ct);
        await stdout.WriteLineAsync(name);
        return await ConvergeAsync(service.ID!, ct);
    }

    private async Task<int> ServiceLogsAsync(string service, CancellationToken ct)
    {
        await using var logs = await docker.Services.LogsOutputAsync(service, stdout: true, stderr: true, cancellationToken: ct);
        var (output, errors) = await logs.ReadToEndAsync(ct);
        await stdout.WriteAsync(output);
        await Console.Error.WriteAsync(errors);
        return 0;
    }

    private async Task<int> SecretCreateAsync(string name, string source, CancellationToken ct)
    {
        var data = source == "-" ? Encoding.UTF8.GetBytes(await stdin.ReadToEndAsync(ct)) : await File.ReadAllBytesAsync(source, ct);
        await stdout.WriteLineAsync((await docker.Secrets.CreateAsync(new SecretCreateRequest { Name = name, Data = Convert.ToBase64String(data) }, ct)).Id);
        return 0;
    }

    private async Task<int> SecretsAsync(CancellationToken ct)
    {
        var table = Table("ID", "NAME", "CREATED");
        foreach (var secret in await docker.Secrets.ListAsync(cancellationToken: ct))
            table.AddRow(Markup.Escape(secret.ID ?? ""), Markup.Escape(secret.Spec?.Name ?? ""), $"{secret.CreatedAt:u}");
        console.Write(table);
        return 0;
    }

    private static Table Table(params string[] columns)
    {
        var table = new Table().AddColumns(columns);
        table.Border = TableBorder.None;
        return table;
    }
}
