using System.Text;
using DockerApi.Cli.Engines;
using DockerApi.Configuration;
using DockerApi.Emulator;
using DockerApi.Streams;
using DockerApi.Transport;
using Spectre.Console;

namespace DockerApi.Cli;

/// <summary>
/// A small docker(1) on the generated clients: version, info, ps, images, pull, import, run, attach, logs, stop, kill,
/// rm, rmi, tag, commit, build, history, inspect. It negotiates the API version with the daemon once and uses the
/// v1.2 client (2013 daemons) or the newest client, speaking the daemon's own version when it is older (modern Docker
/// Engines). Without <c>--host</c> or
/// <c>DOCKER_HOST</c> it starts the emulated daemon in this process and says so on stderr.
/// </summary>
public sealed class Cli(TextWriter stdout, TextWriter stderr, TextReader stdin, Func<Stream> openStdin)
{
    /// <summary>The API versions this program has clients for.</summary>
    private static readonly string[] Versions = ["1.2", ModernEngine.ClientVersion];

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
          build [-t REPO[:TAG]] DIR       Build an image from DIR/Dockerfile
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
            var negotiated = await VersionNegotiation.NegotiateAsync(endpoint, Versions, cancellationToken);
            using IEngine engine = negotiated.ClientVersion == "1.2" ? new Engine2013(endpoint) : new ModernEngine(endpoint, negotiated);
            return await DispatchAsync(engine, negotiated, arguments[0], arguments.Skip(1).ToList(), cancellationToken);
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

    private Task<int> DispatchAsync(IEngine engine, NegotiatedVersion negotiated, string command, List<string> args, CancellationToken ct) => command switch
    {
        "version" => VersionAsync(engine, negotiated, ct),
        "info" => PairsAsync(engine.InfoAsync(ct)),
        "ps" => PsAsync(engine, args.Contains("-a"), ct),
        "images" => ImagesAsync(engine, args.Contains("-a"), ct),
        "pull" => PullAsync(engine, CommandOptions.Required(args, 0, "pull NAME[:TAG]"), ct),
        "push" => PushAsync(engine, CommandOptions.Required(args, 0, "push NAME[:TAG]"), ct),
        "login" => LoginAsync(engine, args, ct),
        "import" => ImportAsync(engine, CommandOptions.Required(args, 0, "import FILE|- [REPO[:TAG]]"), args.ElementAtOrDefault(1), ct),
        "run" => RunContainerAsync(engine, args, ct),
        "exec" => ExecAsync(engine, args, ct),
        "attach" => CopyAsync(engine.AttachAsync(CommandOptions.Required(args, 0, "attach CONTAINER"), logs: false, stream: true, stdin: false, ct), ct),
        "logs" => CopyAsync(engine.LogsAsync(CommandOptions.Required(args, 0, "logs CONTAINER"), ct), ct),
        "stop" => EachAsync(args, "stop CONTAINER...", id => engine.StopAsync(id, ct)),
        "kill" => EachAsync(args, "kill CONTAINER...", id => engine.KillAsync(id, ct)),
        "rm" => EachAsync(args, "rm CONTAINER...", id => engine.RemoveAsync(id, ct)),
        "rmi" => RmiAsync(engine, args, ct),
        "tag" => TagAsync(engine, CommandOptions.Required(args, 0, "tag IMAGE REPO[:TAG]"), CommandOptions.Required(args, 1, "tag IMAGE REPO[:TAG]"), ct),
        "commit" => CommitAsync(engine, CommandOptions.Required(args, 0, "commit CONTAINER [REPO[:TAG]]"), args.ElementAtOrDefault(1), ct),
        "build" => BuildAsync(engine, args, ct),
        "history" => HistoryAsync(engine, CommandOptions.Required(args, 0, "history IMAGE"), ct),
        "inspect" => InspectAsync(engine, CommandOptions.Required(args, 0, "inspect NAME"), ct),
        "swarm" or "node" or "service" or "secret" => engine is ModernEngine modern
            ? new SwarmCommands(modern.Client, _console, stdout, stdin).RunAsync(command, args, ct)
            : Fail($"'{command}' needs a modern engine (Swarm came with API 1.24); this daemon speaks API {engine.ApiVersion}."),
        _ => Fail($"Unknown command '{command}'. Run 'docker help' for the list."),
    };

    private async Task<int> VersionAsync(IEngine engine, NegotiatedVersion negotiated, CancellationToken ct)
    {
        var daemonRange = negotiated.DaemonMaximum is null ? "" : $"; the daemon supports {negotiated.DaemonMinimum ?? "?"}–{negotiated.DaemonMaximum}";
        await stdout.WriteLineAsync($"Client API version: {engine.ApiVersion} (negotiated from {string.Join(", ", Versions)}{daemonRange})");
        return await PairsAsync(engine.VersionAsync(ct));
    }

    private async Task<int> PairsAsync(Task<IReadOnlyList<(string Name, string Value)>> pairs)
    {
        foreach (var (name, value) in await pairs)
            await stdout.WriteLineAsync($"{name}: {value}");
        return 0;
    }

    private async Task<int> PsAsync(IEngine engine, bool all, CancellationToken ct)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "IMAGE", "COMMAND", "CREATED", "STATUS");
        foreach (var c in await engine.ContainersAsync(all, ct))
            table.AddRow(Markup.Escape(Short(c.Id)), Markup.Escape(c.Image), Markup.Escape(c.Command), Ago(c.Created), Markup.Escape(c.Status));
        _console.Write(table);
        return 0;
    }

    private async Task<int> ImagesAsync(IEngine engine, bool all, CancellationToken ct)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("REPOSITORY", "TAG", "ID", "CREATED", "SIZE");
        foreach (var i in await engine.ImagesAsync(all, ct))
            table.AddRow(Markup.Escape(i.Repository), Markup.Escape(i.Tag), Short(i.Id), Ago(i.Created), Size(i.Size));
        _console.Write(table);
        return 0;
    }

    private async Task<int> PullAsync(IEngine engine, string name, CancellationToken ct)
    {
        var (repository, tag) = SplitTag(name);
        var credential = await RegistryCredentials.GetAsync(RegistryCredentials.RegistryOf(repository), cancellationToken: ct);
        await ShowProgressAsync($"Pulling {name}", engine.PullAsync(repository, tag, credential, ct));
        return 0;
    }

    /// <summary><c>push NAME[:TAG]</c> with the credentials `docker login` (or <c>login</c> here) stored for its registry.</summary>
    private async Task<int> PushAsync(IEngine engine, string name, CancellationToken ct)
    {
        var (repository, tag) = SplitTag(name);
        var credential = await RegistryCredentials.GetAsync(RegistryCredentials.RegistryOf(repository), cancellationToken: ct);
        await ShowProgressAsync($"Pushing {name}", engine.PushAsync(repository, tag, credential, ct));
        return 0;
    }

    /// <summary>
    /// <c>login [SERVER] -u USER --password-stdin</c>: the daemon checks the credentials with the registry, then they are
    /// stored the docker way (a credential helper, else config.json's auths).
    /// </summary>
    private async Task<int> LoginAsync(IEngine engine, List<string> args, CancellationToken ct)
    {
        var user = CommandOptions.Take(args, "-u", "--username");
        var password = args.Remove("--password-stdin") ? (await stdin.ReadToEndAsync(ct)).TrimEnd('\r', '\n') : CommandOptions.Take(args, "-p", "--password");
        if (user is null || password is null)
            return await Fail("Usage: docker login [SERVER] -u USER (--password-stdin | -p PASSWORD)");
        var server = args.FirstOrDefault() ?? RegistryCredentials.DockerHubKey;
        var (status, token) = await engine.LoginAsync(new RegistryCredential(server, user, password), ct);
        await RegistryCredentials.StoreAsync(token is null ? new RegistryCredential(server, user, password) : new RegistryCredential(server, IdentityToken: token), cancellationToken: ct);
        await stdout.WriteLineAsync(status);
        return 0;
    }

    private async Task<int> ImportAsync(IEngine engine, string source, string? target, CancellationToken ct)
    {
        var (repository, tag) = target is null ? (null, null) : SplitTag(target);
        await using var archive = source == "-" ? openStdin() : File.OpenRead(source);
        await stdout.WriteLineAsync(await ShowProgressAsync($"Importing {source}", engine.ImportAsync(archive, repository, tag, ct)));
        return 0;
    }

    /// <summary>Shows progress as a progress bar and status lines; returns the last status.</summary>
    private async Task<string> ShowProgressAsync(string title, IAsyncEnumerable<ProgressUpdate> updates)
    {
        var last = "";
        await _console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask(Markup.Escape(title), maxValue: 100);
            await foreach (var update in updates)
            {
                if (update.Percent is { } percent)
                    bar.Value = percent;
                if (update.Status is { } status)
                {
                    last = status;
                    bar.Description = Markup.Escape(status.Length > 60 ? status[..60] + "…" : status);
                }
            }
            bar.Value = 100;
        });
        return last;
    }

    /// <summary>
    /// run's options before the image, as the docker CLI spells them: <c>-i</c>, <c>-t</c>, <c>-d</c> (or together,
    /// <c>-it</c>), <c>--rm</c>, <c>-e</c>/<c>--env NAME=VALUE</c>, <c>--name NAME</c>, <c>--network MODE</c> (each also
    /// as <c>--opt=value</c>). What follows the image is the command's, untouched. Null for a usage error.
    /// </summary>
    private static RunOptions? RunOptionsOf(List<string> args)
    {
        var (flags, environment) = (new HashSet<char>(), new List<string>());
        string? name = null, network = null;
        var remove = false;
        var index = 0;
        for (; index < args.Count && args[index].StartsWith('-') && args[index].Length > 1; index++)
        {
            var arg = args[index];
            var (option, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is > 2 and var eq ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            string? Value() => inline ?? (index + 1 < args.Count ? args[++index] : null);
            switch (option)
            {
                case "--rm":
                    remove = true;
                    break;
                case "-e" or "--env":
                    if (Value() is not { } variable)
                        return null;
                    // -e NAME alone passes this process's value, as the docker CLI does.
                    environment.Add(variable.Contains('=') ? variable : $"{variable}={System.Environment.GetEnvironmentVariable(variable)}");
                    break;
                case "--name":
                    if ((name = Value()) is null)
                        return null;
                    break;
                case "--network" or "--net":
                    if ((network = Value()) is null)
                        return null;
                    break;
                default:
                    if (option.StartsWith("--", StringComparison.Ordinal) || option.Skip(1).Any(f => !"itd".Contains(f)))
                        return null;
                    flags.UnionWith(option.Skip(1));
                    break;
            }
        }
        if (index >= args.Count)
            return null;
        return new RunOptions(args[index], args.Count > index + 1 ? args.Skip(index + 1).ToList() : null, flags.Contains('i'), flags.Contains('t'), flags.Contains('d'))
        {
            Remove = remove,
            Environment = environment,
            Name = name,
            Network = network,
        };
    }

    /// <summary>The leading one-letter flags of run and exec (<c>-i -t</c>, <c>-it</c>); null for one not in <paramref name="allowed"/>.</summary>
    private static (HashSet<char> Flags, int Index)? Flags(List<string> args, string allowed)
    {
        var flags = new HashSet<char>();
        var index = 0;
        for (; index < args.Count && args[index].StartsWith('-'); index++)
        {
            foreach (var flag in args[index].TrimStart('-'))
            {
                if (!allowed.Contains(flag))
                    return null;
                flags.Add(flag);
            }
        }
        return (flags, index);
    }

    private async Task<int> ExecAsync(IEngine engine, List<string> args, CancellationToken ct)
    {
        if (Flags(args, "it") is not var (flags, index) || args.Count < index + 2)
            return await Fail("Usage: docker exec [-i] [-t] CONTAINER COMMAND [ARG...]");
        var interactive = flags.Contains('i');
        return (int)await engine.ExecAsync(args[index], args.Skip(index + 1).ToList(), interactive, flags.Contains('t'),
            attached => PumpAsync(attached, interactive, ct), ct);
    }

    /// <summary>Our stdin to the container (when interactive) while its output comes to our stdout and stderr.</summary>
    private async Task PumpAsync(ContainerOutput attached, bool interactive, CancellationToken ct)
    {
        var input = interactive ? ForwardStdinAsync(attached.Input!, ct) : Task.CompletedTask;
        await CopyOutputAsync(attached.Output, ct);
        await input;
    }

    /// <summary>docker run: create (pull on 404, then again), attach and start in the daemon's order, exit code.</summary>
    private async Task<int> RunContainerAsync(IEngine engine, List<string> args, CancellationToken ct)
    {
        if (RunOptionsOf(args) is not { } options)
            return await Fail("Usage: docker run [-i] [-t] [-d] [--rm] [-e NAME=VALUE] [--name NAME] [--network MODE] IMAGE [COMMAND] [ARG...]");
        var (interactive, detach) = (options.Interactive, options.Detach);
        CreatedContainer created;
        try
        {
            created = await engine.CreateAsync(options, ct);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await stderr.WriteLineAsync($"Unable to find image '{options.Image}' locally");
            var (repository, tag) = SplitTag(options.Image);
            await foreach (var _ in engine.PullAsync(repository, tag, await RegistryCredentials.GetAsync(RegistryCredentials.RegistryOf(repository), cancellationToken: ct), ct))
            {
            }
            created = await engine.CreateAsync(options, ct);
        }
        foreach (var warning in created.Warnings)
            await stderr.WriteLineAsync("WARNING: " + warning);
        if (detach)
        {
            await engine.StartAsync(created.Id, ct);
            await stdout.WriteLineAsync(created.Id);
            return 0;
        }
        ContainerOutput attached;
        if (engine.AttachesBeforeStart)
        {
            attached = await engine.AttachAsync(created.Id, logs: false, stream: true, stdin: interactive, ct);
            await engine.StartAsync(created.Id, ct);
        }
        else
        {
            // As the docs of 2013 say: start, then attach with logs=1 (what was written before the attach) and stream=1.
            await engine.StartAsync(created.Id, ct);
            attached = await engine.AttachAsync(created.Id, logs: true, stream: true, stdin: interactive, ct);
        }
        await using (attached)
            await PumpAsync(attached, interactive, ct);
        // The container's exit code, also with --rm: it is removed only after the wait has read it.
        var code = (int)await engine.WaitAsync(created.Id, ct);
        if (options.Remove)
            await engine.RemoveAsync(created.Id, ct);
        return code;
    }

    private async Task<int> CopyAsync(Task<ContainerOutput> output, CancellationToken ct)
    {
        await using var attached = await output;
        await CopyOutputAsync(attached.Output, ct);
        return 0;
    }

    /// <summary>Writes stdout and stderr as they arrive; raw output (a TTY, 2013) is all stdout.</summary>
    private async Task CopyOutputAsync(MultiplexedStream output, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var decoders = new Dictionary<StdStream, Decoder>();
        while (true)
        {
            var read = await output.ReadAsync(buffer, ct);
            if (read.IsEnd)
                return;
            if (!decoders.TryGetValue(read.Target, out var decoder))
                decoders[read.Target] = decoder = Encoding.UTF8.GetDecoder();
            var count = decoder.GetChars(buffer, 0, read.Count, chars, 0);
            var writer = read.Target is StdStream.Stderr or StdStream.SystemError ? stderr : stdout;
            await writer.WriteAsync(chars.AsMemory(0, count), ct);
            await writer.FlushAsync(ct);
        }
    }

    private async Task ForwardStdinAsync(DockerHijackedStream connection, CancellationToken ct)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await stdin.ReadAsync(buffer, ct)) > 0)
            await connection.WriteAsync(Encoding.UTF8.GetBytes(buffer, 0, read), ct);
        connection.CloseWrite(); // the end of our stdin is the end of the container's
    }

    private async Task<int> RmiAsync(IEngine engine, List<string> names, CancellationToken ct)
    {
        if (names.Count == 0)
            return await Fail("Usage: docker rmi IMAGE...");
        foreach (var name in names)
        {
            foreach (var effect in await engine.RemoveImageAsync(name, ct))
                await stdout.WriteLineAsync(effect);
        }
        return 0;
    }

    private async Task<int> TagAsync(IEngine engine, string image, string target, CancellationToken ct)
    {
        var (repository, tag) = SplitTag(target);
        await engine.TagAsync(image, repository, tag, ct);
        return 0;
    }

    private async Task<int> CommitAsync(IEngine engine, string container, string? target, CancellationToken ct)
    {
        var (repository, tag) = target is null ? (null, null) : SplitTag(target);
        await stdout.WriteLineAsync(await engine.CommitAsync(container, repository, tag, ct));
        return 0;
    }

    private async Task<int> BuildAsync(IEngine engine, List<string> args, CancellationToken ct)
    {
        var at = args.IndexOf("-t");
        string? tag = null;
        if (at >= 0 && at + 1 < args.Count)
        {
            tag = args[at + 1];
            args.RemoveRange(at, 2);
        }
        var directory = CommandOptions.Required(args, 0, "build [-t REPO[:TAG]] DIR");
        if (!File.Exists(Path.Combine(directory, "Dockerfile")))
            return await Fail($"No Dockerfile in {directory}");
        await foreach (var text in engine.BuildAsync(directory, tag, ct))
        {
            await stdout.WriteAsync(text);
            await stdout.FlushAsync(ct);
        }
        return 0;
    }

    private async Task<int> HistoryAsync(IEngine engine, string image, CancellationToken ct)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "CREATED", "CREATED BY", "TAGS");
        foreach (var layer in await engine.HistoryAsync(image, ct))
            table.AddRow(Markup.Escape(layer.Id), Ago(layer.Created), Markup.Escape(layer.CreatedBy), Markup.Escape(string.Join(", ", layer.Tags)));
        _console.Write(table);
        return 0;
    }

    private async Task<int> InspectAsync(IEngine engine, string name, CancellationToken ct)
    {
        await stdout.WriteLineAsync(await engine.InspectAsync(name, ct));
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

    private static (string Repository, string? Tag) SplitTag(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon < 0 || name[(colon + 1)..].Contains('/') ? (name, null) : (name[..colon], name[(colon + 1)..]);
    }

    private static string Short(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? Short(id[7..]) : id.Length > 12 ? id[..12] : id;

    private static string Ago(long? unixSeconds)
    {
        if (unixSeconds is not { } seconds)
            return "";
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.TotalMinutes < 1 ? "Less than a minute ago" : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} minutes ago" : age.TotalDays < 1 ? $"{(int)age.TotalHours} hours ago" : $"{(int)age.TotalDays} days ago";
    }

    private static string Size(long bytes) => bytes < 1000 ? $"{bytes} B" : bytes < 1_000_000 ? $"{bytes / 1000.0:0.#} kB" : $"{bytes / 1_000_000.0:0.#} MB";
}
