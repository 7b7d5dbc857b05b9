using System.Globalization;

namespace DockerApi.Emulator.Processes.Commands;

/// <summary>Commands about running things: sh, exit, sleep, and busybox's multi-call dispatch.</summary>
internal static class ProcessCommands
{
    public static void AddTo(Dictionary<string, Command> table)
    {
        table["sh"] = Sh;
        table["exit"] = (args, _) => throw new ExitException(args.Count > 0 && int.TryParse(args[0], out var code) ? code : 0);
        table["sleep"] = Sleep;
        table["busybox"] = Busybox;
    }

    private static Task<int> Sh(List<string> args, ProcessContext c) =>
        args.Count >= 2 && args[0] == "-c" ? Shell.RunScriptAsync(args[1], c) : Shell.RunInteractiveAsync(c);

    private static async Task<int> Sleep(List<string> args, ProcessContext c)
    {
        if (args.Count != 1 || !double.TryParse(args[0], CultureInfo.InvariantCulture, out var seconds))
            return c.Fail("sleep: invalid time interval");
        await Task.Delay(TimeSpan.FromSeconds(seconds), c.Cancellation);
        return 0;
    }

    /// <summary><c>busybox APPLET ARGS…</c> runs the applet, <c>busybox --list</c> names them, as busybox does.</summary>
    private static Task<int> Busybox(List<string> args, ProcessContext c)
    {
        if (args.Count == 0 || args[0] == "--help")
        {
            c.Write("BusyBox multi-call binary.\n\nUsage: busybox [function [arguments]...]\n");
            return Task.FromResult(args.Count == 0 ? 1 : 0);
        }
        if (args[0] == "--list")
        {
            c.Write(string.Concat(CommandTable.All.Keys.Where(k => k != "busybox").Order(StringComparer.Ordinal).Select(k => k + "\n")));
            return Task.FromResult(0);
        }
        return CommandTable.All.TryGetValue(args[0], out var applet) && args[0] != "busybox"
            ? applet(args.Skip(1).ToList(), c)
            : Task.FromResult(c.Fail($"{args[0]}: applet not found", 127));
    }
}

/// <summary>Thrown by <c>exit</c>: ends the shell that runs it with <see cref="Code"/>.</summary>
internal sealed class ExitException(int code) : Exception
{
    public int Code { get; } = code;
}
