using System.Buffers;
using System.Text;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Processes;

/// <summary>
/// The commands an emulated container can run: <c>sh -c</c> (with <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>,
/// <c>exit N</c>, quotes, <c>$VAR</c>, <c>&gt;</c> and <c>&gt;&gt;</c>), <c>sh</c> reading commands from stdin,
/// <c>echo</c>, <c>cat</c>, <c>true</c>, <c>false</c>, <c>sleep</c>, <c>touch</c>, <c>mkdir</c>, <c>rm</c>,
/// <c>ls</c>, <c>env</c>, <c>date</c> and <c>pwd</c>. Anything else is not found (exit 127).
/// </summary>
internal static class Shell
{
    private static readonly HashSet<string> Commands = ["sh", "echo", "cat", "true", "false", "sleep", "touch", "mkdir", "rm", "ls", "env", "date", "pwd"];

    /// <summary>What a script runs without a file in /bin, as the shell itself does.</summary>
    private static readonly HashSet<string> Builtins = ["exit", "echo", "true", "false", "pwd"];

    public static Task<int> RunAsync(IReadOnlyList<string> argv, ProcessContext context)
    {
        var name = Path.GetFileName(argv[0]);
        var executable = argv[0].Contains('/') ? argv[0] : "/bin/" + name;
        if (!Commands.Contains(name) || (!context.Fs.Exists(executable) && !context.Fs.Exists("/usr/bin/" + name)))
        {
            context.Stderr(Encoding.UTF8.GetBytes($"exec: \"{argv[0]}\": executable file not found in $PATH\n"));
            return Task.FromResult(127);
        }
        return RunCommandAsync(name, argv.Skip(1).ToList(), context);
    }

    private static async Task<int> RunCommandAsync(string name, List<string> args, ProcessContext c)
    {
        c.Cancellation.ThrowIfCancellationRequested();
        var fs = c.Fs;
        switch (name)
        {
            case "sh":
                if (args.Count >= 2 && args[0] == "-c")
                    return await RunScriptAsync(args[1], c);
                return await RunInteractiveAsync(c);
            case "echo":
                var newline = !(args.Count > 0 && args[0] == "-n");
                c.Stdout(Encoding.UTF8.GetBytes(string.Join(' ', newline ? args : args.Skip(1)) + (newline ? "\n" : "")));
                return 0;
            case "true":
                return 0;
            case "false":
                return 1;
            case "exit":
                throw new ExitException(args.Count > 0 && int.TryParse(args[0], out var code) ? code : 0);
            case "sleep":
                if (args.Count != 1 || !double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                    return Fail(c, "sleep: invalid time interval");
                await Task.Delay(TimeSpan.FromSeconds(seconds), c.Cancellation);
                return 0;
            case "cat":
                if (args.Count == 0)
                {
                    await CopyStdinAsync(c);
                    return 0;
                }
                foreach (var file in args)
                {
                    var node = fs.Get(FileTree.Normalize(file, c.Cwd));
                    if (node is null || node.IsDirectory)
                        return Fail(c, $"cat: {file}: {(node is null ? "No such file or directory" : "Is a directory")}");
                    c.Stdout(node.Content);
                }
                return 0;
            case "touch":
                foreach (var file in args)
                {
                    var path = FileTree.Normalize(file, c.Cwd);
                    if (!fs.IsDirectory(FileTree.Parent(path)))
                        return Fail(c, $"touch: {file}: No such file or directory");
                    fs.WriteFile(path, fs.Get(path)?.Content ?? []);
                }
                return 0;
            case "mkdir":
                var parents = args.Remove("-p");
                foreach (var dir in args)
                {
                    var path = FileTree.Normalize(dir, c.Cwd);
                    if (fs.Exists(path) && !parents)
                        return Fail(c, $"mkdir: can't create directory '{dir}': File exists");
                    if (!parents && !fs.IsDirectory(FileTree.Parent(path)))
                        return Fail(c, $"mkdir: can't create directory '{dir}': No such file or directory");
                    fs.MakeDirectories(path);
                }
                return 0;
            case "rm":
                var recursive = args.Any(a => a is "-r" or "-R" or "-rf" or "-fr");
                var force = args.Any(a => a is "-f" or "-rf" or "-fr");
                args.RemoveAll(a => a.StartsWith('-'));
                foreach (var target in args)
                {
                    var path = FileTree.Normalize(target, c.Cwd);
                    var node = fs.Get(path);
                    if (node is null)
                    {
                        if (!force)
                            return Fail(c, $"rm: can't remove '{target}': No such file or directory");
                        continue;
                    }
                    if (node.IsDirectory && !recursive)
                        return Fail(c, $"rm: '{target}' is a directory");
                    fs.Remove(path);
                }
                return 0;
            case "ls":
                var listed = args.Count == 0 ? [c.Cwd] : args;
                foreach (var target in listed)
                {
                    var path = FileTree.Normalize(target, c.Cwd);
                    var node = fs.Get(path);
                    if (node is null)
                        return Fail(c, $"ls: {target}: No such file or directory");
                    IEnumerable<string> names = node.IsDirectory ? fs.Children(path).Order(StringComparer.Ordinal) : [target];
                    c.Stdout(Encoding.UTF8.GetBytes(string.Concat(names.Select(n => n + "\n"))));
                }
                return 0;
            case "env":
                c.Stdout(Encoding.UTF8.GetBytes(string.Concat(c.Env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}\n"))));
                return 0;
            case "date":
                c.Stdout(Encoding.UTF8.GetBytes(DateTime.UtcNow.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", System.Globalization.CultureInfo.InvariantCulture) + "\n"));
                return 0;
            case "pwd":
                c.Stdout(Encoding.UTF8.GetBytes(c.Cwd + "\n"));
                return 0;
            default:
                return Fail(c, $"sh: {name}: not found", 127);
        }
    }

    /// <summary>Runs a script: commands joined by <c>;</c>, <c>&amp;&amp;</c>, <c>||</c> or newlines.</summary>
    public static async Task<int> RunScriptAsync(string script, ProcessContext c) => (await RunListAsync(script, 0, c)).Status;

    /// <summary>
    /// Runs a list of commands, <paramref name="status"/> being the status before the first; <c>Exited</c> when an
    /// <c>exit</c> ended the shell.
    /// </summary>
    private static async Task<(int Status, bool Exited)> RunListAsync(string text, int status, ProcessContext c)
    {
        try
        {
            foreach (var (words, op) in Parse(text, c))
            {
                if (op == "&&" && status != 0 || op == "||" && status == 0)
                    continue;
                status = await RunSimpleAsync(words, c);
            }
            return (status, false);
        }
        catch (ExitException exit)
        {
            return (exit.Code, true);
        }
    }

    private static async Task<int> RunInteractiveAsync(ProcessContext c)
    {
        var status = 0;
        var pending = new StringBuilder();
        while (true)
        {
            var result = await c.Stdin.ReadAsync(c.Cancellation);
            foreach (var segment in result.Buffer)
                pending.Append(Encoding.UTF8.GetString(segment.Span));
            c.Stdin.AdvanceTo(result.Buffer.End);
            int newline;
            while ((newline = pending.ToString().IndexOf('\n')) >= 0)
            {
                var line = pending.ToString(0, newline);
                pending.Remove(0, newline + 1);
                (status, var exited) = await RunListAsync(line, status, c);
                if (exited)
                    return status;
            }
            if (result.IsCompleted)
                return pending.Length > 0 ? (await RunListAsync(pending.ToString(), status, c)).Status : status;
        }
    }

    private static async Task<int> RunSimpleAsync(List<string> words, ProcessContext c)
    {
        if (words.Count == 0)
            return 0;
        if (words.Remove(">&2"))
            return await RunSimpleAsync(words, c with { Stdout = c.Stderr });
        // Redirections: "> file" and ">> file" capture stdout into the container's filesystem.
        var redirect = words.FindIndex(w => w is ">" or ">>");
        if (redirect < 0)
            return Builtins.Contains(words[0]) ? await RunCommandAsync(words[0], words.Skip(1).ToList(), c) : await RunAsync(words, c);
        if (redirect + 1 >= words.Count)
            return Fail(c, "sh: syntax error: unexpected newline");
        var path = FileTree.Normalize(words[redirect + 1], c.Cwd);
        var captured = new ArrayBufferWriter<byte>();
        if (words[redirect] == ">>" && c.Fs.Get(path) is { IsDirectory: false } existing)
            captured.Write(existing.Content);
        var inner = c with { Stdout = data => captured.Write(data) };
        var command = words.Take(redirect).Concat(words.Skip(redirect + 2)).ToList();
        var status = Builtins.Contains(command[0]) ? await RunCommandAsync(command[0], command.Skip(1).ToList(), inner) : await RunAsync(command, inner);
        if (!c.Fs.IsDirectory(FileTree.Parent(path)))
            return Fail(c, $"sh: can't create {words[redirect + 1]}: nonexistent directory");
        c.Fs.WriteFile(path, captured.WrittenSpan.ToArray());
        return status;
    }

    /// <summary>Splits a script into simple commands and the operator before each; quotes and <c>$VAR</c> are resolved.</summary>
    private static List<(List<string> Words, string Op)> Parse(string script, ProcessContext c)
    {
        var commands = new List<(List<string>, string)>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var op = ";";
        for (var i = 0; i < script.Length; i++)
        {
            var ch = script[i];
            if (ch == '\'' || ch == '"')
            {
                var end = script.IndexOf(ch, i + 1);
                if (end < 0)
                    throw new ExitException(Fail(c, "sh: syntax error: unterminated quoted string", 2));
                var quoted = script[(i + 1)..end];
                word.Append(ch == '"' ? Expand(quoted, c) : quoted);
                inWord = true;
                i = end;
            }
            else if (ch is ';' or '\n' || (ch is '&' or '|' && i + 1 < script.Length && script[i + 1] == ch))
            {
                Flush();
                commands.Add((words, op));
                words = [];
                op = ch is ';' or '\n' ? ";" : new string(ch, 2);
                if (ch is '&' or '|')
                    i++;
            }
            else if (char.IsWhiteSpace(ch))
            {
                Flush();
            }
            else if (ch == '>' && script.AsSpan(i).StartsWith(">&2"))
            {
                Flush();
                words.Add(">&2");
                i += 2;
            }
            else if (ch == '>')
            {
                Flush();
                var append = i + 1 < script.Length && script[i + 1] == '>';
                words.Add(append ? ">>" : ">");
                if (append)
                    i++;
            }
            else if (ch == '$')
            {
                var name = new string(script.Skip(i + 1).TakeWhile(x => char.IsLetterOrDigit(x) || x == '_' || x == '?').ToArray());
                word.Append(Expand("$" + name, c));
                inWord = true;
                i += name.Length;
            }
            else
            {
                word.Append(ch);
                inWord = true;
            }
        }
        Flush();
        commands.Add((words, op));
        return commands.Where(x => x.Item1.Count > 0).ToList();

        void Flush()
        {
            if (inWord)
                words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
    }

    private static string Expand(string text, ProcessContext c)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }
            var braced = text[i + 1] == '{';
            var start = braced ? i + 2 : i + 1;
            var end = start;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                end++;
            result.Append(c.Env.GetValueOrDefault(text[start..end], ""));
            i = braced && end < text.Length && text[end] == '}' ? end : end - 1;
        }
        return result.ToString();
    }

    private static async Task CopyStdinAsync(ProcessContext c)
    {
        while (true)
        {
            var result = await c.Stdin.ReadAsync(c.Cancellation);
            foreach (var segment in result.Buffer)
                c.Stdout(segment.ToArray());
            c.Stdin.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
                return;
        }
    }

    private static int Fail(ProcessContext c, string message, int code = 1)
    {
        c.Stderr(Encoding.UTF8.GetBytes(message + "\n"));
        return code;
    }

    private sealed class ExitException(int code) : Exception
    {
        public int Code { get; } = code;
    }
}
