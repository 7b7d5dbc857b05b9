using DockerApi.Configuration;
using DockerApi.Emulator;
using DockerApi.Transport;
using Spectre.Console;

namespace DockerApi.Cli;

/// <summary>
/// A small docker(1), a thin shell over the high-level client (<see cref="Docker"/>): version, info, ps, images, pull,
/// push, login, import, run, exec, attach, logs, stop, kill, rm, rmi, tag, commit, build, history, inspect, and the
/// swarm commands on the newest generated client. The client negotiates the API version with the daemon and speaks
/// 2013's v1.2 or today's; this program only parses and prints. Without <c>--host</c> or <c>DOCKER_HOST</c> it starts
/// the emulated daemon in this process and says so on stderr.
/// </summary>
public sealed partial class Cli(TextWriter stdout, TextWriter stderr, TextReader stdin, Func<Stream> openStdin)
{

    private const string Usage = """
        Usage: docker [--host unix:///path|tcp://host:port|ssh://[user@]host|npipe:////./pipe/name] [--context NAME]
                      [--tls] [--tlsverify] [--tlscacert FILE] [--tlscert FILE] [--tlskey FILE] COMMAND [ARGS]

        Commands:
          version                         Show the client and daemon versions
          info                            Show system-wide information
          ps [-a]                         List containers
          images [-a]                     List images
          pull NAME[:TAG]                 Pull an image (with the credentials `login` stored)
          push NAME[:TAG]                 Push an image (with the credentials `login` stored)
          login [SERVER] -u USER --password-stdin   Check and store registry credentials
          context ls                      List the docker contexts
          swarm init [--advertise-addr A] | join --token T [--listen-addr A] [--advertise-addr A] MANAGER | leave [--force]
          node ls | update --availability active|pause|drain NODE
          service create [--name N] [--replicas R] IMAGE [CMD] | ls | ps S | scale S=R
                  | update [--image I] [--replicas R] S | rollback S | logs S | rm S
          secret create NAME FILE|- | ls | rm SECRET
          import FILE|- [REPO[:TAG]]      Import a tar archive as an image
          run [-i] [-t] [-d] [--rm] [-e K=V] [--name N] [--network M] IMAGE [CMD]
                                          Run a command in a new container
          exec [-i] [-t] CONTAINER CMD    Run a command in a running container (API 1.15+)
          attach CONTAINER                Attach to a running container
          logs CONTAINER                  Show a container's output
          stop|kill|rm CONTAINER...       Stop, kill or remove containers
          rmi IMAGE...                    Remove images
          tag IMAGE REPO[:TAG]            Tag an image
          commit CONTAINER [REPO[:TAG]]   Create an image from a container
          build [-t NAME[:TAG]] [-f FILE] [--build-arg K=V] [--target STAGE] [--no-cache] [--pull]
                [--network MODE] [--progress auto|plain|tty] DIR
                                          Build an image (BuildKit with DOCKER_BUILDKIT=1 or when the engine says so)
          history IMAGE                   Show the layers of an image
          inspect NAME                    Show a container or an image as JSON
        """;

    private readonly IAnsiConsole _console = CreateConsole(stdout);

    /// <summary>Tables as wide as their content when the output goes to a file or a pipe, as docker's do; a terminal's width else.</summary>
    private static IAnsiConsole CreateConsole(TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        if (Console.IsOutputRedirected || stdout != Console.Out)
            console.Profile.Width = 512;
        return console;
    }

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        GlobalOptions options;
        try
        {
            options = GlobalOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            return await Fail(e.Message);
        }
        var arguments = options.Command;
        if (arguments.Count == 0 || arguments[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage);
            return arguments.Count == 0 ? 1 : 0;
        }

        EmulatedDaemon? emulator = null;
        try
        {
            if (arguments is ["context", "ls"])
                return await ContextListAsync();
            var resolved = DockerEndpointResolver.Resolve(options.Host, options.Context, options.ExplicitTls());
            var endpoint = resolved.Endpoint;
            // Only the default socket falls back to the emulator: a daemon the user named must answer or fail.
            if (resolved.IsDefault && !await AnswersAsync(endpoint, cancellationToken))
            {
                emulator = await EmulatedDaemon.StartAsync(cancellationToken: cancellationToken);
                await stderr.WriteLineAsync($"No daemon answers at {endpoint} ({resolved.Source}): using the emulated docker 0.4.4 daemon in this process ({emulator.Endpoint}).");
                endpoint = emulator.Endpoint;
            }
            else if (resolved.Source is not ("--host" or "--context"))
            {
                await stderr.WriteLineAsync($"Using the daemon at {endpoint} ({resolved.Source}).");
            }
            await using var docker = await Docker.ConnectAsync(endpoint, cancellationToken);
            return await DispatchAsync(docker, arguments[0], arguments.Skip(1).ToList(), cancellationToken);
        }
        catch (Exception e) when (e is DockerException or FormatException or ArgumentException or HttpRequestException or IOException or NotSupportedException)
        {
            await stderr.WriteLineAsync("Error: " + (e is DockerApiException api ? api.DaemonMessage : e is DockerStreamException stream ? stream.DaemonMessage : e.Message));
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 130; // as a shell reports SIGINT
        }
        finally
        {
            if (emulator is not null)
                await emulator.DisposeAsync();
        }
    }

    /// <summary>Whether a daemon answers /_ping at <paramref name="endpoint"/> within a few seconds.</summary>
    private static async Task<bool> AnswersAsync(DockerEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        using var client = DockerHttpClient.Create(endpoint, "1.2");
        try
        {
            using var ping = await client.GetAsync("/_ping", timeout.Token);
            return true; // any HTTP answer: a 2013 daemon has no /_ping and answers 404
        }
        catch (Exception e) when (e is DockerException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary><c>docker context ls</c>: the store's contexts and which one is in use, as the docker CLI lists them.</summary>
    private async Task<int> ContextListAsync()
    {
        var current = DockerEndpointResolver.Resolve().Context ?? DockerContexts.DefaultName;
        var table = new Table().AddColumns("NAME", "DESCRIPTION", "DOCKER ENDPOINT");
        table.Border = TableBorder.None;
        var defaultHost = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } h ? h : DockerEndpoint.DefaultHost;
        table.AddRow(Markup.Escape(DockerContexts.DefaultName + (current == DockerContexts.DefaultName ? " *" : "")), "Current DOCKER_HOST based configuration", Markup.Escape(defaultHost));
        foreach (var context in DockerContexts.List())
            table.AddRow(Markup.Escape(context.Name + (context.Name == current ? " *" : "")), Markup.Escape(context.Description), Markup.Escape(context.Endpoint.ToString()));
        _console.Write(table);
        return 0;
    }

    private Task<int> DispatchAsync(Docker docker, string command, List<string> args, CancellationToken ct) => command switch
    {
        "version" => VersionAsync(docker, ct),
        "info" => InfoAsync(docker, ct),
        "ps" => PsAsync(docker, args.Contains("-a"), ct),
        "images" => ImagesAsync(docker, args.Contains("-a"), ct),
        "pull" => ProgressAsync("Pulling", CommandOptions.Required(args, 0, "pull NAME[:TAG]"), p => docker.Images.PullAsync(args[0], p, ct)),
        "push" => ProgressAsync("Pushing", CommandOptions.Required(args, 0, "push NAME[:TAG]"), p => docker.Images.PushAsync(args[0], p, ct)),
        "login" => LoginAsync(docker, args, ct),
        "import" => ImportAsync(docker, CommandOptions.Required(args, 0, "import FILE|- [REPO[:TAG]]"), args.ElementAtOrDefault(1), ct),
        "run" => RunContainerAsync(docker, args, ct),
        "exec" => ExecAsync(docker, args, ct),
        "attach" => AttachAsync(docker.Containers.Get(CommandOptions.Required(args, 0, "attach CONTAINER")), ct),
        "logs" => LogsAsync(docker.Containers.Get(CommandOptions.Required(args, 0, "logs CONTAINER")), ct),
        "stop" => EachAsync(args, "stop CONTAINER...", id => docker.Containers.Get(id).StopAsync(ct)),
        "kill" => EachAsync(args, "kill CONTAINER...", id => docker.Containers.Get(id).KillAsync(cancellationToken: ct)),
        "rm" => EachAsync(args, "rm CONTAINER...", id => docker.Containers.Get(id).RemoveAsync(force: false, ct)),
        "rmi" => RmiAsync(docker, args, ct),
        "tag" => TagAsync(docker, CommandOptions.Required(args, 0, "tag IMAGE REPO[:TAG]"), CommandOptions.Required(args, 1, "tag IMAGE REPO[:TAG]"), ct),
        "commit" => CommitAsync(docker, CommandOptions.Required(args, 0, "commit CONTAINER [REPO[:TAG]]"), args.ElementAtOrDefault(1), ct),
        "build" => BuildAsync(docker, args, ct),
        "history" => HistoryAsync(docker, CommandOptions.Required(args, 0, "history IMAGE"), ct),
        "inspect" => InspectAsync(docker, CommandOptions.Required(args, 0, "inspect NAME"), ct),
        "swarm" or "node" or "service" or "secret" => docker.Api is { } api
            ? new SwarmCommands(api, _console, stdout, stdin).RunAsync(command, args, ct)
            : Fail($"'{command}' needs a modern engine (Swarm came with API 1.24); this daemon speaks API {docker.ApiVersion}."),
        _ => Fail($"Unknown command '{command}'. Run 'docker help' for the list."),
    };

    private async Task<int> VersionAsync(Docker docker, CancellationToken ct)
    {
        var negotiated = docker.Negotiated;
        var daemonRange = negotiated.DaemonMaximum is null ? "" : $"; the daemon supports {negotiated.DaemonMinimum ?? "?"}–{negotiated.DaemonMaximum}";
        await stdout.WriteLineAsync($"Client API version: {docker.ApiVersion} (negotiated from {string.Join(", ", Docker.ClientVersions)}{daemonRange})");
        var v = await docker.VersionAsync(ct);
        await PairsAsync(
            ("Server version", v.Version), ("API version", v.ApiVersion is null ? null : $"{v.ApiVersion} (minimum {v.MinimumApiVersion})"),
            ("Git commit", v.GitCommit), ("Go version", v.GoVersion), ("OS/Arch", v.OperatingSystem is null ? null : $"{v.OperatingSystem}/{v.Architecture}"),
            ("Kernel version", v.KernelVersion));
        return 0;
    }

    private async Task<int> InfoAsync(Docker docker, CancellationToken ct)
    {
        var i = await docker.InfoAsync(ct);
        await PairsAsync(("Containers", $"{i.Containers}"), ("Images", $"{i.Images}"), ("Storage driver", i.Driver), ("Operating system", i.OperatingSystem),
            ("CPUs", i.Cpus?.ToString()), ("Total memory", i.Memory?.ToString()), ("Debug mode", $"{i.Debug}"));
        return 0;
    }

    /// <summary><c>Name: value</c> lines, leaving out what the daemon did not say.</summary>
    private async Task PairsAsync(params (string Name, string? Value)[] pairs)
    {
        foreach (var (name, value) in pairs.Where(p => p.Value is not null))
            await stdout.WriteLineAsync($"{name}: {value}");
    }

    private async Task<int> PsAsync(Docker docker, bool all, CancellationToken ct)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "IMAGE", "COMMAND", "CREATED", "STATUS");
        foreach (var c in await docker.Containers.ListAsync(all: all, cancellationToken: ct))
            table.AddRow(Markup.Escape(Short(c.Id)), Markup.Escape(c.Image), Markup.Escape(c.Command), Ago(c.Created), Markup.Escape(c.Status));
        _console.Write(table);
        return 0;
    }

    /// <summary>
    /// <c>login [SERVER] -u USER --password-stdin</c>: the daemon checks the credentials with the registry, then they are
    /// stored the docker way (a credential helper, else config.json's auths).
    /// </summary>
    private async Task<int> LoginAsync(Docker docker, List<string> args, CancellationToken ct)
    {
        var user = CommandOptions.Take(args, "-u", "--username");
        var password = args.Remove("--password-stdin") ? (await stdin.ReadToEndAsync(ct)).TrimEnd('\r', '\n') : CommandOptions.Take(args, "-p", "--password");
        if (user is null || password is null)
            return await Fail("Usage: docker login [SERVER] -u USER (--password-stdin | -p PASSWORD)");
        var server = args.FirstOrDefault() ?? RegistryCredentials.DockerHubKey;
        await stdout.WriteLineAsync(await docker.LoginAsync(new RegistryCredential(server, user, password), ct));
        return 0;
    }

    private async Task<int> CommitAsync(Docker docker, string container, string? target, CancellationToken ct)
    {
        await stdout.WriteLineAsync(await docker.Containers.Get(container).CommitAsync(target, ct));
        return 0;
    }

    /// <summary>A container, else an image, as indented JSON: what the engine answered.</summary>
    private async Task<int> InspectAsync(Docker docker, string name, CancellationToken ct)
    {
        System.Text.Json.JsonElement raw;
        try
        {
            raw = (await docker.Containers.Get(name).InspectAsync(ct)).Raw;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            raw = (await docker.Images.InspectAsync(name, ct)).Raw;
        }
        var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
            raw.WriteTo(writer);
        await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return 0;
    }

    private static async Task<int> EachAsync(List<string> ids, string usage, Func<string, Task> action)
    {
        if (ids.Count == 0)
            throw new ArgumentException("Usage: docker " + usage);
        foreach (var id in ids)
            await action(id);
        return 0;
    }

    private async Task<int> Fail(string message)
    {
        await stderr.WriteLineAsync(message);
        return 2;
    }

    private static string Short(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? Short(id[7..]) : id.Length > 12 ? id[..12] : id;

    private static string Ago(DateTimeOffset? created)
    {
        if (created is not { } time)
            return "";
        var age = DateTimeOffset.UtcNow - time;
        return age.TotalMinutes < 1 ? "Less than a minute ago" : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} minutes ago" : age.TotalDays < 1 ? $"{(int)age.TotalHours} hours ago" : $"{(int)age.TotalDays} days ago";
    }

    private static string Size(long bytes) => bytes < 1000 ? $"{bytes} B" : bytes < 1_000_000 ? $"{bytes / 1000.0:0.#} kB" : $"{bytes / 1_000_000.0:0.#} MB";
}
