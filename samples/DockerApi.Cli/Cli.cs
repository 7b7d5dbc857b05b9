using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DockerApi.Emulator;
using DockerApi.Streams;
using DockerApi.Transport;
using DockerApi.V1_2;
using Spectre.Console;

namespace DockerApi.Cli;

/// <summary>
/// A small docker(1) of 2013 on the generated v1.2 client: version, info, ps, images, pull, import, run, attach,
/// logs, stop, kill, rm, rmi, tag, commit, build, history, inspect. Without <c>--host</c> or <c>DOCKER_HOST</c> it
/// starts the emulated daemon in this process and says so on stderr.
/// </summary>
public sealed class Cli(TextWriter stdout, TextWriter stderr, TextReader stdin, Func<Stream> openStdin)
{
    private const string Usage = """
        Usage: docker [--host unix:///path|tcp://host:port] COMMAND [ARGS]

        Commands:
          version                         Show the client and daemon versions
          info                            Show system-wide information
          ps [-a]                         List containers
          images [-a]                     List images
          pull NAME[:TAG]                 Pull an image
          import FILE|- [REPO[:TAG]]      Import a tar archive as an image
          run [-i] [-t] [-d] IMAGE [CMD]  Run a command in a new container
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

    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var arguments = args.ToList();
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var at = arguments.FindIndex(a => a is "--host" or "-H");
        if (at >= 0 && at + 1 < arguments.Count)
        {
            host = arguments[at + 1];
            arguments.RemoveRange(at, 2);
        }
        if (arguments.Count == 0 || arguments[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage);
            return arguments.Count == 0 ? 1 : 0;
        }

        EmulatedDaemon? emulator = null;
        try
        {
            DockerEndpoint endpoint;
            if (string.IsNullOrWhiteSpace(host))
            {
                emulator = await EmulatedDaemon.StartAsync(cancellationToken: cancellationToken);
                endpoint = emulator.Endpoint;
                await stderr.WriteLineAsync($"No --host or DOCKER_HOST: using the emulated docker 0.4.4 daemon in this process ({endpoint}).");
            }
            else
            {
                endpoint = DockerEndpoint.Parse(host);
            }
            using var docker = new DockerClient(endpoint);
            return await DispatchAsync(docker, arguments[0], arguments.Skip(1).ToList(), cancellationToken);
        }
        catch (Exception e) when (e is DockerException or FormatException or ArgumentException or HttpRequestException or IOException)
        {
            await stderr.WriteLineAsync("Error: " + (e is DockerApiException api ? api.DaemonMessage : e is DockerStreamException stream ? stream.DaemonMessage : e.Message));
            return 1;
        }
        finally
        {
            if (emulator is not null)
                await emulator.DisposeAsync();
        }
    }

    private Task<int> DispatchAsync(DockerClient docker, string command, List<string> args, CancellationToken ct) => command switch
    {
        "version" => VersionAsync(docker, ct),
        "info" => InfoAsync(docker, ct),
        "ps" => PsAsync(docker, args.Contains("-a"), ct),
        "images" => ImagesAsync(docker, args.Contains("-a"), ct),
        "pull" => PullAsync(docker, Required(args, 0, "pull NAME[:TAG]"), ct),
        "import" => ImportAsync(docker, Required(args, 0, "import FILE|- [REPO[:TAG]]"), args.ElementAtOrDefault(1), ct),
        "run" => RunContainerAsync(docker, args, ct),
        "attach" => AttachAsync(docker, Required(args, 0, "attach CONTAINER"), logs: false, ct),
        "logs" => AttachAsync(docker, Required(args, 0, "logs CONTAINER"), logs: true, ct),
        "stop" => EachAsync(args, "stop CONTAINER...", id => docker.Containers.StopAsync(id, cancellationToken: ct)),
        "kill" => EachAsync(args, "kill CONTAINER...", id => docker.Containers.KillAsync(id, ct)),
        "rm" => EachAsync(args, "rm CONTAINER...", id => docker.Containers.DeleteAsync(id, cancellationToken: ct)),
        "rmi" => RmiAsync(docker, args, ct),
        "tag" => TagAsync(docker, Required(args, 0, "tag IMAGE REPO[:TAG]"), Required(args, 1, "tag IMAGE REPO[:TAG]"), ct),
        "commit" => CommitAsync(docker, Required(args, 0, "commit CONTAINER [REPO[:TAG]]"), args.ElementAtOrDefault(1), ct),
        "build" => BuildAsync(docker, args, ct),
        "history" => HistoryAsync(docker, Required(args, 0, "history IMAGE"), ct),
        "inspect" => InspectAsync(docker, Required(args, 0, "inspect NAME"), ct),
        _ => Fail($"Unknown command '{command}'. Run 'docker help' for the list."),
    };

    private async Task<int> VersionAsync(DockerClient docker, CancellationToken ct)
    {
        var version = await docker.System.VersionAsync(ct);
        await stdout.WriteLineAsync($"Client API version: {DockerClient.ApiVersion}");
        await stdout.WriteLineAsync($"Server version: {version.Version}");
        await stdout.WriteLineAsync($"Git commit: {version.GitCommit}");
        await stdout.WriteLineAsync($"Go version: {version.GoVersion}");
        return 0;
    }

    private async Task<int> InfoAsync(DockerClient docker, CancellationToken ct)
    {
        var info = await docker.System.InfoAsync(ct);
        await stdout.WriteLineAsync($"Containers: {info.Containers}\nImages: {info.Images}\nDebug mode: {info.Debug}\nMemory limit: {info.MemoryLimit ?? false}\nSwap limit: {info.SwapLimit ?? false}");
        return 0;
    }

    private async Task<int> PsAsync(DockerClient docker, bool all, CancellationToken ct)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "IMAGE", "COMMAND", "CREATED", "STATUS");
        foreach (var c in await docker.Containers.ListAsync(all: all, cancellationToken: ct))
            table.AddRow(Markup.Escape(Short(c.Id)), Markup.Escape(c.Image ?? ""), Markup.Escape(c.Command ?? ""), Ago(c.Created), Markup.Escape(c.Status ?? ""));
        _console.Write(table);
        return 0;
    }

    private async Task<int> ImagesAsync(DockerClient docker, bool all, CancellationToken ct)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("REPOSITORY", "TAG", "ID", "CREATED", "SIZE");
        foreach (var i in await docker.Images.ListAsync(all: all, cancellationToken: ct))
            table.AddRow(Markup.Escape(i.Repository ?? "<none>"), Markup.Escape(i.Tag ?? "<none>"), Short(i.Id), Ago(i.Created), Size(i.VirtualSize ?? i.Size ?? 0));
        _console.Write(table);
        return 0;
    }

    private async Task<int> PullAsync(DockerClient docker, string name, CancellationToken ct)
    {
        var (repository, tag) = SplitTag(name);
        await ShowProgressAsync($"Pulling {name}", docker.Images.CreateAsync(fromImage: repository, tag: tag, cancellationToken: ct));
        return 0;
    }

    private async Task<int> ImportAsync(DockerClient docker, string source, string? target, CancellationToken ct)
    {
        var (repository, tag) = target is null ? (null, null) : SplitTag(target);
        await using var archive = source == "-" ? openStdin() : File.OpenRead(source);
        var id = await ShowProgressAsync($"Importing {source}", docker.Images.CreateAsync(fromSrc: "-", repo: repository, tag: tag, inputImage: archive, cancellationToken: ct));
        await stdout.WriteLineAsync(id);
        return 0;
    }

    /// <summary>Shows JSON progress as a progress bar and status lines; returns the last status.</summary>
    private async Task<string> ShowProgressAsync(string title, IAsyncEnumerable<ProgressMessage> messages)
    {
        var last = "";
        await _console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask(Markup.Escape(title), maxValue: 100);
            await foreach (var message in messages)
            {
                if (message.Progress is { } progress && progress.EndsWith("%)", StringComparison.Ordinal)
                    && double.TryParse(progress[(progress.LastIndexOf('(') + 1)..^2], System.Globalization.CultureInfo.InvariantCulture, out var percent))
                    bar.Value = percent;
                if (message.Status is { Length: > 0 } status && message.Progress is null)
                {
                    last = status;
                    bar.Description = Markup.Escape(status.Length > 60 ? status[..60] + "…" : status);
                }
            }
            bar.Value = 100;
        });
        return last;
    }

    /// <summary>docker run of 2013: create (pull on 404, then again), start, attach with logs and stream, exit code.</summary>
    private async Task<int> RunContainerAsync(DockerClient docker, List<string> args, CancellationToken ct)
    {
        bool interactive = false, tty = false, detach = false;
        var index = 0;
        for (; index < args.Count && args[index].StartsWith('-'); index++)
        {
            foreach (var flag in args[index].TrimStart('-'))
            {
                switch (flag)
                {
                    case 'i': interactive = true; break;
                    case 't': tty = true; break;
                    case 'd': detach = true; break;
                    default: return await Fail($"Unknown flag -{flag} for run");
                }
            }
        }
        if (index >= args.Count)
            return await Fail("Usage: docker run [-i] [-t] [-d] IMAGE [COMMAND] [ARG...]");
        var config = new ContainerConfig
        {
            Image = args[index],
            Cmd = args.Count > index + 1 ? args.Skip(index + 1).ToList() : null,
            Tty = tty,
            OpenStdin = interactive,
            StdinOnce = interactive,
            AttachStdin = interactive,
            AttachStdout = !detach,
            AttachStderr = !detach,
        };
        ContainerCreateResponse created;
        try
        {
            created = await docker.Containers.CreateAsync(config, ct);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await stderr.WriteLineAsync($"Unable to find image '{config.Image}' locally");
            var (repository, tag) = SplitTag(config.Image);
            await DockerApi.Requests.DockerCall.ConsumeAsync(docker.Images.CreateAsync(fromImage: repository, tag: tag, cancellationToken: ct), null, ct);
            created = await docker.Containers.CreateAsync(config, ct);
        }
        foreach (var warning in created.Warnings ?? [])
            await stderr.WriteLineAsync("WARNING: " + warning);
        if (detach)
        {
            await docker.Containers.StartAsync(created.Id, ct);
            await stdout.WriteLineAsync(created.Id);
            return 0;
        }
        // As the docs of the time say: start, then attach with logs=1 (what was written before the attach) and stream=1.
        await docker.Containers.StartAsync(created.Id, ct);
        await using var connection = await docker.Containers.AttachAsync(created.Id, logs: true, stream: true, stdin: interactive, stdout: true, stderr: true, cancellationToken: ct);
        var input = interactive ? ForwardStdinAsync(connection, ct) : Task.CompletedTask;
        await CopyOutputAsync(connection, ct);
        await input;
        return (int)(await docker.Containers.WaitAsync(created.Id, ct)).StatusCode;
    }

    private async Task<int> AttachAsync(DockerClient docker, string id, bool logs, CancellationToken ct)
    {
        await using var connection = await docker.Containers.AttachAsync(id, logs: logs, stream: !logs, stdout: true, stderr: true, cancellationToken: ct);
        await CopyOutputAsync(connection, ct);
        return 0;
    }

    private async Task CopyOutputAsync(Stream connection, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        int read;
        while ((read = await connection.ReadAsync(buffer, ct)) > 0)
        {
            var count = decoder.GetChars(buffer, 0, read, chars, 0);
            await stdout.WriteAsync(chars.AsMemory(0, count), ct);
            await stdout.FlushAsync(ct);
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

    private async Task<int> RmiAsync(DockerClient docker, List<string> names, CancellationToken ct)
    {
        if (names.Count == 0)
            return await Fail("Usage: docker rmi IMAGE...");
        foreach (var name in names)
        {
            foreach (var effect in await docker.Images.DeleteAsync(name, ct))
                await stdout.WriteLineAsync(effect.Untagged is { } untagged ? "Untagged: " + untagged : "Deleted: " + effect.Deleted);
        }
        return 0;
    }

    private async Task<int> TagAsync(DockerClient docker, string image, string target, CancellationToken ct)
    {
        var (repository, tag) = SplitTag(target);
        await docker.Images.TagAsync(image, repo: repository, tag: tag, cancellationToken: ct);
        return 0;
    }

    private async Task<int> CommitAsync(DockerClient docker, string container, string? target, CancellationToken ct)
    {
        var (repository, tag) = target is null ? (null, null) : SplitTag(target);
        await stdout.WriteLineAsync((await docker.Images.CommitAsync(container: container, repo: repository, tag: tag, cancellationToken: ct)).Id);
        return 0;
    }

    private async Task<int> BuildAsync(DockerClient docker, List<string> args, CancellationToken ct)
    {
        var at = args.IndexOf("-t");
        string? tag = null;
        if (at >= 0 && at + 1 < args.Count)
        {
            tag = args[at + 1];
            args.RemoveRange(at, 2);
        }
        var directory = Required(args, 0, "build [-t REPO[:TAG]] DIR");
        var dockerfile = Path.Combine(directory, "Dockerfile");
        if (!File.Exists(dockerfile))
            return await Fail($"No Dockerfile in {directory}");
        var context = new MemoryStream();
        await TarFile.CreateFromDirectoryAsync(directory, context, includeBaseDirectory: false, ct);
        context.Position = 0;
        await using var file = File.OpenRead(dockerfile);
        var id = await docker.Images.BuildAsync(new LineProgress(stdout), file, context, tag, ct);
        _ = id;
        return 0;
    }

    private async Task<int> HistoryAsync(DockerClient docker, string image, CancellationToken ct)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "CREATED", "CREATED BY", "TAGS");
        foreach (var layer in await docker.Images.HistoryAsync(image, ct))
            table.AddRow(Markup.Escape(layer.Id ?? ""), Ago(layer.Created), Markup.Escape(layer.CreatedBy ?? ""), Markup.Escape(string.Join(", ", layer.Tags ?? [])));
        _console.Write(table);
        return 0;
    }

    private async Task<int> InspectAsync(DockerClient docker, string name, CancellationToken ct)
    {
        try
        {
            await WriteJsonAsync(await docker.Containers.InspectAsync(name, ct), DockerJsonContext.Default.ContainerInspectResponse);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await WriteJsonAsync(await docker.Images.InspectAsync(name, ct), DockerJsonContext.Default.ImageInspectResponse);
        }
        return 0;
    }

    private async Task WriteJsonAsync<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            JsonSerializer.Serialize(writer, value, typeInfo);
        await stdout.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
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

    private static string Required(List<string> args, int index, string usage) =>
        index < args.Count ? args[index] : throw new ArgumentException("Usage: docker " + usage);

    private static (string Repository, string? Tag) SplitTag(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon < 0 || name[(colon + 1)..].Contains('/') ? (name, null) : (name[..colon], name[(colon + 1)..]);
    }

    private static string Short(string? id) => id is null ? "" : id.Length > 12 ? id[..12] : id;

    private static string Ago(long? unixSeconds)
    {
        if (unixSeconds is not { } seconds)
            return "";
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.TotalMinutes < 1 ? "Less than a minute ago" : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} minutes ago" : age.TotalDays < 1 ? $"{(int)age.TotalHours} hours ago" : $"{(int)age.TotalDays} days ago";
    }

    private static string Size(long bytes) => bytes < 1000 ? $"{bytes} B" : bytes < 1_000_000 ? $"{bytes / 1000.0:0.#} kB" : $"{bytes / 1_000_000.0:0.#} MB";

    /// <summary>Prints build output as it arrives.</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<BuildOutputLine>
    {
        public void Report(BuildOutputLine value) => writer.WriteLine(value.Text);
    }
}
