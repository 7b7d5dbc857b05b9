using System.Text;
using DockerApi.Streams;

namespace DockerApi.Cli;

/// <summary>The commands that talk to a process: run, exec, attach, logs.</summary>
public sealed partial class Cli
{
    /// <summary><c>docker run</c>'s flags, and the container's options they make.</summary>
    private sealed record RunFlags(string Image, IReadOnlyList<string>? Command, bool Detach, bool Remove, ContainerOptions Options);

    /// <summary>
    /// run's options before the image, as the docker CLI spells them: <c>-i</c>, <c>-t</c>, <c>-d</c> (or together,
    /// <c>-it</c>), <c>--rm</c>, <c>-e</c>/<c>--env NAME=VALUE</c>, <c>--name NAME</c>, <c>--network MODE</c> (each also
    /// as <c>--opt=value</c>). What follows the image is the command's, untouched. Null for a usage error.
    /// </summary>
    private static RunFlags? RunFlagsOf(List<string> args)
    {
        var (flags, environment) = (new HashSet<char>(), new Dictionary<string, string>());
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
                    var equals = variable.IndexOf('=');
                    environment[equals < 0 ? variable : variable[..equals]] = equals < 0 ? System.Environment.GetEnvironmentVariable(variable) ?? "" : variable[(equals + 1)..];
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
        var detach = flags.Contains('d');
        return new RunFlags(args[index], args.Count > index + 1 ? args.Skip(index + 1).ToList() : null, detach, remove, new ContainerOptions
        {
            Interactive = flags.Contains('i'), Tty = flags.Contains('t'), Name = name, Network = network,
            Environment = environment.Count > 0 ? environment : null,
            // Detached, --rm is the engine's to do when the container ends; attached, run removes it after its wait.
            AutoRemove = remove && detach,
            // A missing image is pulled by run, after saying so, as the docker CLI does.
            Pull = PullPolicy.Never,
        });
    }

    /// <summary>docker run: create (pull on 404, then again), then start attached in the engine's order; the exit code.</summary>
    private async Task<int> RunContainerAsync(Docker docker, List<string> args, CancellationToken ct)
    {
        if (RunFlagsOf(args) is not { } run)
            return await Fail("Usage: docker run [-i] [-t] [-d] [--rm] [-e NAME=VALUE] [--name NAME] [--network MODE] IMAGE [COMMAND] [ARG...]");
        Container container;
        try
        {
            container = await docker.Containers.CreateAsync(run.Image, run.Command, run.Options, ct);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // As the docker CLI: a missing image is said, pulled, and the create made again; another missing thing is the answer.
            if (await docker.Images.ExistsAsync(run.Image, ct))
                throw;
            await stderr.WriteLineAsync($"Unable to find image '{run.Image}' locally");
            await docker.Images.PullAsync(run.Image, cancellationToken: ct);
            container = await docker.Containers.CreateAsync(run.Image, run.Command, run.Options, ct);
        }
        // The container outlives this program unless --rm says otherwise: it is not disposed.
        if (run.Detach)
        {
            await container.StartAsync(ct);
            await stdout.WriteLineAsync(container.Id);
            return 0;
        }
        await using (var attached = await container.StartAttachedAsync(run.Options.Interactive, ct))
            await PumpAsync(attached, run.Options.Interactive, ct);
        // The container's exit code, also with --rm: it is removed only after the wait has read it.
        var code = (int)await container.WaitAsync(ct);
        if (run.Remove)
            await container.RemoveAsync(cancellationToken: ct);
        return code;
    }

    private async Task<int> ExecAsync(Docker docker, List<string> args, CancellationToken ct)
    {
        if (Flags(args, "it") is not var (flags, index) || args.Count < index + 2)
            return await Fail("Usage: docker exec [-i] [-t] CONTAINER COMMAND [ARG...]");
        var options = new ExecOptions { Interactive = flags.Contains('i'), Tty = flags.Contains('t') };
        await using var process = await docker.Containers.Get(args[index]).StartExecAsync(args.Skip(index + 1).ToList(), options, ct);
        await PumpAsync(process, options.Interactive, ct);
        return (int)await process.GetExitCodeAsync(ct);
    }

    /// <summary>The leading one-letter flags of exec (<c>-i -t</c>, <c>-it</c>); null for one not in <paramref name="allowed"/>.</summary>
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

    private async Task<int> AttachAsync(Container container, CancellationToken ct)
    {
        await using var attached = await container.AttachAsync(cancellationToken: ct);
        await CopyOutputAsync(attached.Output, ct);
        return 0;
    }

    /// <summary>Each line to the stream it was written to.</summary>
    private async Task<int> LogsAsync(Container container, CancellationToken ct)
    {
        await foreach (var line in container.LogsAsync(cancellationToken: ct))
            await (line.Stream == StdStream.Stderr ? stderr : stdout).WriteLineAsync(line.Text);
        return 0;
    }

    /// <summary>Our stdin to the process (when interactive) while its output comes to our stdout and stderr.</summary>
    private async Task PumpAsync(ContainerAttachment attached, bool interactive, CancellationToken ct)
    {
        var input = interactive ? ForwardStdinAsync(attached, ct) : Task.CompletedTask;
        await CopyOutputAsync(attached.Output, ct);
        await input;
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

    private async Task ForwardStdinAsync(ContainerAttachment attached, CancellationToken ct)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await stdin.ReadAsync(buffer, ct)) > 0)
            await attached.Input!.WriteAsync(Encoding.UTF8.GetBytes(buffer, 0, read), ct);
        attached.CloseInput(); // the end of our stdin is the end of the container's
    }
}
