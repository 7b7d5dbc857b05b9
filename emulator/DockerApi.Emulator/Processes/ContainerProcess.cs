using System.IO.Pipelines;
using System.Text;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Processes;

/// <summary>The emulated process of a running container: its stdin pipe, its output, its end.</summary>
internal sealed class ContainerProcess : IContainerProcess
{
    private readonly CancellationTokenSource _kill = new();
    private readonly Pipe _stdin = new();
    private readonly Container _container;

    private ContainerProcess(Container container) => _container = container;

    /// <summary>Where attach writes stdin (only for containers created with <c>OpenStdin</c>).</summary>
    public PipeWriter Stdin => _stdin.Writer;

    public static ContainerProcess Start(Container container)
    {
        var process = new ContainerProcess(container);
        if (!container.Config.OpenStdin)
            process._stdin.Writer.Complete();
        container.Output.Start();
        var tty = container.Config.Tty;
        var context = new ProcessContext(
            container.Tree,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["HOME"] = "/",
                ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                ["HOSTNAME"] = container.Config.Hostname.Length > 0 ? container.Config.Hostname : container.ShortId,
            }.Concat((container.Config.Env ?? []).Select(e => e.Split('=', 2)).Where(p => p.Length == 2).Select(p => KeyValuePair.Create(p[0], p[1])))
             .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            process._stdin.Reader,
            data => container.Output.Write(OutputHub.Stdout, tty ? Tty(data) : data),
            data => container.Output.Write(tty ? OutputHub.Stdout : OutputHub.Stderr, tty ? Tty(data) : data),
            process._kill.Token);
        _ = Task.Run(async () =>
        {
            int code;
            try
            {
                code = await Shell.RunAsync([container.Path, .. container.Args], context);
            }
            catch (OperationCanceledException)
            {
                code = -1; // killed: the 2013 daemon recorded -1 for a process ended by a signal
            }
            await process._stdin.Reader.CompleteAsync();
            container.ExitCode = code;
            container.Running = false;
            container.Pid = 0;
            container.Process = null;
            container.Output.Complete();
            container.Exited.TrySetResult();
        });
        return process;
    }

    /// <summary>The end of stdin: what <c>cat</c> reads as end of file.</summary>
    public void CloseStdin() => _stdin.Writer.Complete();

    public void Kill() => _kill.Cancel();

    // A terminal turns "\n" into "\r\n".
    private static byte[] Tty(ReadOnlySpan<byte> data) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace("\r\n", "\n").Replace("\n", "\r\n"));
}

/// <summary>What an emulated command sees: the filesystem, environment, stdin and output.</summary>
internal sealed record ProcessContext(FileTree Fs, Dictionary<string, string> Env, PipeReader Stdin, Action<byte[]> Stdout, Action<byte[]> Stderr,
    CancellationToken Cancellation)
{
    public string Cwd { get; set; } = "/";

    public void Write(string text) => Stdout(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="message"/> to stderr and returns <paramref name="code"/>, the command's status.</summary>
    public int Fail(string message, int code = 1)
    {
        Stderr(Encoding.UTF8.GetBytes(message + "\n"));
        return code;
    }

    /// <summary>Copies stdin to stdout until stdin ends (<c>cat</c> without files).</summary>
    public async Task CopyStdinToStdoutAsync()
    {
        while (true)
        {
            var result = await Stdin.ReadAsync(Cancellation);
            foreach (var segment in result.Buffer)
                Stdout(segment.ToArray());
            Stdin.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
                return;
        }
    }
}
