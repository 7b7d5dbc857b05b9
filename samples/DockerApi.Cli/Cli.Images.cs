using Spectre.Console;

namespace DockerApi.Cli;

/// <summary>The image commands: images, pull and push (shown as progress), import, build, history, rmi, tag.</summary>
public sealed partial class Cli
{
    /// <summary>A row per tag, as <c>docker images</c> shows them; an untagged image is <c>&lt;none&gt;</c>.</summary>
    private async Task<int> ImagesAsync(Docker docker, bool all, CancellationToken ct)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("REPOSITORY", "TAG", "ID", "CREATED", "SIZE");
        foreach (var image in await docker.Images.ListAsync(all: all, cancellationToken: ct))
        {
            foreach (var reference in image.Tags.Count > 0 ? image.Tags : ["<none>:<none>"])
            {
                var colon = reference.LastIndexOf(':');
                var (repository, tag) = colon > reference.LastIndexOf('/') ? (reference[..colon], reference[(colon + 1)..]) : (reference, "<none>");
                table.AddRow(Markup.Escape(repository), Markup.Escape(tag), Short(image.Id), Ago(image.Created), Size(image.Size));
            }
        }
        _console.Write(table);
        return 0;
    }

    /// <summary>Pull or push of <paramref name="name"/> with a progress bar: the bytes of every layer so far, and the latest status.</summary>
    private async Task<int> ProgressAsync(string verb, string name, Func<IProgress<PullProgress>, Task> transfer)
    {
        await ShowProgressAsync($"{verb} {name}", transfer);
        return 0;
    }

    private async Task<int> ImportAsync(Docker docker, string source, string? target, CancellationToken ct)
    {
        await using var archive = source == "-" ? openStdin() : File.OpenRead(source);
        string id = "";
        await ShowProgressAsync($"Importing {source}", async progress => id = await docker.Images.ImportAsync(archive, target, progress, ct));
        await stdout.WriteLineAsync(id);
        return 0;
    }

    /// <summary>Shows <paramref name="transfer"/>'s progress as a bar and its status line.</summary>
    private async Task ShowProgressAsync(string title, Func<IProgress<PullProgress>, Task> transfer)
    {
        // No bar where nobody watches (a file, a pipe): the docker CLI prints only the outcome there, and Spectre's
        // stand-in for a bar could write after the command's own output.
        if (!_console.Profile.Capabilities.Interactive)
        {
            await transfer(new Progress<PullProgress>());
            return;
        }
        await _console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask(Markup.Escape(title), maxValue: 100);
            await transfer(new BarRelay(bar));
            bar.Value = 100;
        });
    }

    /// <summary>Moves the bar as each message arrives, on the reading thread (a <c>Progress&lt;T&gt;</c> would post it for later).</summary>
    private sealed class BarRelay(ProgressTask bar) : IProgress<PullProgress>
    {
        public void Report(PullProgress value)
        {
            var sized = value.Layers.Where(l => l.Total > 0).ToList();
            if (sized.Count > 0)
                bar.Value = 100.0 * sized.Sum(l => Math.Min(l.Current ?? 0, l.Total!.Value)) / sized.Sum(l => l.Total!.Value);
            var status = value.Layer is null ? value.Status : $"{value.Layer}: {value.Status}";
            bar.Description = Markup.Escape(status.Length > 60 ? status[..60] + "…" : status);
        }
    }

    private const string BuildUsage = "build [-t NAME[:TAG]] [-f FILE] [--build-arg K=V] [--target STAGE] [--no-cache] [--pull] [--network MODE] "
        + "[--secret id=ID,src=FILE|env=VAR] [--ssh default|ID=SOCKET] [--progress auto|plain|tty] DIR";

    /// <summary>
    /// <c>docker build</c>'s options as the docker CLI spells them (also <c>--opt=value</c>); BuildKit when
    /// <c>DOCKER_BUILDKIT=1</c> or the engine says so, its steps printed as <c>--progress plain</c> does.
    /// </summary>
    private async Task<int> BuildAsync(Docker docker, List<string> args, CancellationToken ct)
    {
        var buildArgs = new Dictionary<string, string>();
        var secrets = new List<DockerApi.BuildKit.BuildSecret>();
        var agents = new List<DockerApi.BuildKit.SshAgent>();
        string? tag = null, file = null, target = null, network = null, directory = null;
        bool noCache = false, pull = false;
        // auto: drawn in place on a terminal, lines elsewhere (a file, a pipe, CI), as the docker CLI chooses.
        var tty = !Console.IsOutputRedirected && stdout == Console.Out;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (option, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is > 2 and var eq ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException("Usage: docker " + BuildUsage));
            switch (option)
            {
                case "-t" or "--tag": tag = Value(); break;
                case "-f" or "--file": file = Value(); break;
                case "--target": target = Value(); break;
                case "--network": network = Value(); break;
                case "--no-cache": noCache = true; break;
                case "--pull": pull = true; break;
                case "--progress":
                    switch (Value())
                    {
                        case "plain": tty = false; break;
                        case "tty": tty = true; break;
                        case "auto": break;
                        default: return await Fail("--progress takes auto, plain or tty");
                    }
                    break;
                case "--build-arg":
                    var pair = Value();
                    var at = pair.IndexOf('=');
                    // --build-arg NAME alone passes this process's value, as the docker CLI does.
                    buildArgs[at < 0 ? pair : pair[..at]] = at < 0 ? Environment.GetEnvironmentVariable(pair) ?? "" : pair[(at + 1)..];
                    break;
                case "--secret":
                    secrets.Add(DockerApi.BuildKit.BuildSecret.Parse(Value()));
                    break;
                case "--ssh":
                    agents.Add(DockerApi.BuildKit.SshAgent.Parse(Value()));
                    break;
                default:
                    if (arg.StartsWith('-') || directory is not null)
                        return await Fail("Usage: docker " + BuildUsage);
                    directory = arg;
                    break;
            }
        }
        if (directory is null)
            return await Fail("Usage: docker " + BuildUsage);
        var dockerfile = file ?? "Dockerfile";
        if (!File.Exists(Path.Combine(directory, dockerfile)))
            return await Fail($"No {dockerfile} in {directory}");
        var options = new Build.BuildOptions
        {
            Tag = tag, Dockerfile = dockerfile, Target = target, Network = network, NoCache = noCache, Pull = pull,
            BuildArgs = buildArgs.Count > 0 ? buildArgs : null,
            // A session (which makes the build a BuildKit one) when the build needs what only a session gives.
            Session = secrets.Count + agents.Count > 0 ? new DockerApi.BuildKit.BuildKitSession { Secrets = secrets, SshAgents = agents } : null,
        };
        if (tty)
            await DrawBuildAsync(docker, directory, options, ct);
        else
            await docker.Images.BuildAsync(directory, options, new LineRelay(stdout), ct);
        return 0;
    }

    /// <summary>The build drawn in place (<see cref="TtyBuildProgress"/>), redrawn as updates come and a few times a second for the clock.</summary>
    private async Task DrawBuildAsync(Docker docker, string directory, Build.BuildOptions options, CancellationToken ct)
    {
        var view = new TtyBuildProgress(DateTimeOffset.UtcNow);
        await _console.Live(view.Render(DateTimeOffset.UtcNow)).StartAsync(async live =>
        {
            var gate = new object();
            void Redraw()
            {
                lock (gate)
                    live.UpdateTarget(view.Render(DateTimeOffset.UtcNow));
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var clock = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
                while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
                    Redraw();
            }, CancellationToken.None);
            try
            {
                await foreach (var update in docker.Images.BuildStreamAsync(directory, options, ct))
                {
                    lock (gate)
                        view.Apply(update);
                    Redraw();
                }
            }
            finally
            {
                await stop.CancelAsync();
                await clock.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                Redraw();
            }
        });
    }

    /// <summary>Writes each line as it is reported, at once.</summary>
    private sealed class LineRelay(TextWriter writer) : IProgress<string>
    {
        public void Report(string value)
        {
            writer.WriteLine(value);
            writer.Flush();
        }
    }

    private async Task<int> HistoryAsync(Docker docker, string image, CancellationToken ct)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "CREATED", "CREATED BY", "TAGS");
        foreach (var layer in await docker.Images.HistoryAsync(image, ct))
            table.AddRow(Markup.Escape(Short(layer.Id)), Ago(layer.Created), Markup.Escape(layer.CreatedBy), Markup.Escape(string.Join(", ", layer.Tags)));
        _console.Write(table);
        return 0;
    }

    private async Task<int> RmiAsync(Docker docker, List<string> names, CancellationToken ct)
    {
        if (names.Count == 0)
            return await Fail("Usage: docker rmi IMAGE...");
        foreach (var name in names)
        {
            foreach (var effect in await docker.Images.RemoveAsync(name, cancellationToken: ct))
                await stdout.WriteLineAsync(effect);
        }
        return 0;
    }

    private async Task<int> TagAsync(Docker docker, string image, string target, CancellationToken ct)
    {
        await docker.Images.TagAsync(image, target, ct);
        return 0;
    }
}
