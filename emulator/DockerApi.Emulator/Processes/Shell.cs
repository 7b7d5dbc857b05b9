using System.Buffers;
using System.Text;
using DockerApi.Emulator.Processes.Commands;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Processes;

/// <summary>
/// How an emulated container runs a command: the executable looked up in the image as exec does (through
/// symbolic links, along <c>PATH</c>), then run by the name it was called by (<see cref="CommandTable"/>), as
/// busybox's applets are; and <c>sh</c>'s scripts: <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>exit N</c>,
/// quotes, <c>$VAR</c>, <c>&gt;</c>, <c>&gt;&gt;</c> and <c>&gt;&amp;2</c>.
/// </summary>
internal static class Shell
{
    public static Task<int> RunAsync(IReadOnlyList<string> argv, ProcessContext context)
    {
        var error = LookPath(argv[0], context);
        if (error is null && CommandTable.All.TryGetValue(Path.GetFileName(argv[0]), out var command))
            return command(argv.Skip(1).ToList(), context);
        context.Stderr(Encoding.UTF8.GetBytes((error ?? NotFound(argv[0])) + "\n"));
        return Task.FromResult(127);
    }

    /// <summary>Null when the image has a file for <paramref name="file"/>; else exec's error (Go's LookPath).</summary>
    private static string? LookPath(string file, ProcessContext c)
    {
        if (file.Contains('/'))
        {
            try
            {
                return c.Fs.Stat(file, c.Cwd) is { IsDirectory: false } ? null : NotFound(file);
            }
            catch (PathException e)
            {
                return e.Message == PathException.Loop ? $"exec: \"{file}\": stat {file}: too many levels of symbolic links" : NotFound(file);
            }
        }
        foreach (var folder in c.Env.GetValueOrDefault("PATH", "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                if (c.Fs.Stat(folder + "/" + file, c.Cwd) is { IsDirectory: false })
                    return null;
            }
            catch (PathException)
            {
                // LookPath goes on with the next folder.
            }
        }
        return NotFound(file);
    }

    private static string NotFound(string file) => $"exec: \"{file}\": executable file not found in $PATH";

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

    public static async Task<int> RunInteractiveAsync(ProcessContext c)
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
            return await RunWordsAsync(words, c);
        if (redirect + 1 >= words.Count)
            return c.Fail("sh: syntax error: unexpected newline");
        var path = FileTree.Normalize(words[redirect + 1], c.Cwd);
        var captured = new ArrayBufferWriter<byte>();
        if (words[redirect] == ">>" && c.Fs.Get(path) is { IsDirectory: false } existing)
            captured.Write(existing.Content);
        var inner = c with { Stdout = data => captured.Write(data) };
        var command = words.Take(redirect).Concat(words.Skip(redirect + 2)).ToList();
        var status = await RunWordsAsync(command, inner);
        if (!c.Fs.IsDirectory(FileTree.Parent(path)))
            return c.Fail($"sh: can't create {words[redirect + 1]}: nonexistent directory");
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
                    throw new ExitException(c.Fail("sh: syntax error: unterminated quoted string", 2));
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

    /// <summary>A builtin in the shell itself, anything else through the image's files.</summary>
    private static Task<int> RunWordsAsync(List<string> words, ProcessContext c) =>
        CommandTable.Builtins.Contains(words[0]) ? CommandTable.All[words[0]](words.Skip(1).ToList(), c) : RunAsync(words, c);
}
