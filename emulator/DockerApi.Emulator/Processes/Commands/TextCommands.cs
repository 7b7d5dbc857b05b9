using System.Globalization;

namespace DockerApi.Emulator.Processes.Commands;

/// <summary>Commands that only write text: echo, env, date, pwd, true, false.</summary>
internal static class TextCommands
{
    public static void AddTo(Dictionary<string, Command> table)
    {
        table["echo"] = Echo;
        table["env"] = Env;
        table["date"] = Date;
        table["pwd"] = Pwd;
        table["true"] = (_, _) => Task.FromResult(0);
        table["false"] = (_, _) => Task.FromResult(1);
    }

    private static Task<int> Echo(List<string> args, ProcessContext c)
    {
        var newline = !(args.Count > 0 && args[0] == "-n");
        c.Write(string.Join(' ', newline ? args : args.Skip(1)) + (newline ? "\n" : ""));
        return Task.FromResult(0);
    }

    private static Task<int> Env(List<string> args, ProcessContext c)
    {
        c.Write(string.Concat(c.Env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}\n")));
        return Task.FromResult(0);
    }

    private static Task<int> Date(List<string> args, ProcessContext c)
    {
        c.Write(DateTime.UtcNow.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture) + "\n");
        return Task.FromResult(0);
    }

    private static Task<int> Pwd(List<string> args, ProcessContext c)
    {
        c.Write(c.Cwd + "\n");
        return Task.FromResult(0);
    }
}
