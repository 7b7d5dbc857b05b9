using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Processes.Commands;

/// <summary>
/// Commands on the container's files: cat, touch, mkdir, rm, ls, ln. Paths go through symbolic links as the
/// kernel's lookups do; a link loop fails as ELOOP.
/// </summary>
internal static class FileCommands
{
    public static void AddTo(Dictionary<string, Command> table)
    {
        table["cat"] = Cat;
        table["touch"] = Touch;
        table["mkdir"] = Mkdir;
        table["rm"] = Rm;
        table["ls"] = Ls;
        table["ln"] = Ln;
    }

    private static async Task<int> Cat(List<string> args, ProcessContext c)
    {
        if (args.Count == 0)
        {
            await c.CopyStdinToStdoutAsync();
            return 0;
        }
        return await Each(args, c, "cat", file =>
        {
            var node = c.Fs.Stat(file, c.Cwd) ?? throw new PathException(PathException.NotFound);
            if (node.IsDirectory)
                return $"cat: {file}: Is a directory";
            c.Stdout(node.Content);
            return null;
        });
    }

    private static Task<int> Touch(List<string> args, ProcessContext c) => Each(args, c, "touch", file =>
    {
        var path = c.Fs.Resolve(file, c.Cwd);
        if (!c.Fs.IsDirectory(FileTree.Parent(path)))
            throw new PathException(PathException.NotFound);
        c.Fs.WriteFile(path, c.Fs.Get(path)?.Content ?? []);
        return null;
    });

    private static Task<int> Mkdir(List<string> args, ProcessContext c)
    {
        var parents = args.Remove("-p");
        return Each(args, c, "mkdir", dir =>
        {
            var path = c.Fs.Resolve(dir, c.Cwd);
            if (c.Fs.Exists(path) && !parents)
                return $"mkdir: can't create directory '{dir}': File exists";
            if (!parents && !c.Fs.IsDirectory(FileTree.Parent(path)))
                return $"mkdir: can't create directory '{dir}': {PathException.NotFound}";
            c.Fs.MakeDirectories(path);
            return null;
        });
    }

    private static Task<int> Rm(List<string> args, ProcessContext c)
    {
        var recursive = args.Any(a => a is "-r" or "-R" or "-rf" or "-fr");
        var force = args.Any(a => a is "-f" or "-rf" or "-fr");
        args.RemoveAll(a => a.StartsWith('-'));
        return Each(args, c, "rm", target =>
        {
            // rm unlinks a link itself, never what it points to.
            var path = c.Fs.Resolve(target, c.Cwd, followLast: false);
            var node = c.Fs.Get(path);
            if (node is null)
                return force ? null : $"rm: can't remove '{target}': {PathException.NotFound}";
            if (node.IsDirectory && !recursive)
                return $"rm: '{target}' is a directory";
            c.Fs.Remove(path);
            return null;
        });
    }

    private static Task<int> Ls(List<string> args, ProcessContext c) => Each(args.Count == 0 ? [c.Cwd] : args, c, "ls", target =>
    {
        var path = c.Fs.Resolve(target, c.Cwd);
        var node = c.Fs.Get(path) ?? throw new PathException(PathException.NotFound);
        IEnumerable<string> names = node.IsDirectory ? c.Fs.Children(path).Order(StringComparer.Ordinal) : [target];
        c.Write(string.Concat(names.Select(n => n + "\n")));
        return null;
    });

    /// <summary><c>ln -s TARGET LINK</c>: the target is stored as written, resolved only when the link is used.</summary>
    private static Task<int> Ln(List<string> args, ProcessContext c)
    {
        if (args.Count != 3 || args[0] != "-s")
            return Task.FromResult(c.Fail("ln: only 'ln -s TARGET LINK' is emulated"));
        return Each([args[2]], c, "ln", link =>
        {
            var path = c.Fs.Resolve(link, c.Cwd, followLast: false);
            if (c.Fs.Get(path) is not null)
                return $"ln: {link}: File exists";
            c.Fs.WriteSymlink(path, args[1]);
            return null;
        });
    }

    /// <summary>Runs <paramref name="one"/> for each operand; its message (or a path error) fails the command with status 1.</summary>
    private static Task<int> Each(List<string> operands, ProcessContext c, string command, Func<string, string?> one)
    {
        foreach (var operand in operands)
        {
            string? message;
            try
            {
                message = one(operand);
            }
            catch (PathException e)
            {
                message = $"{command}: {operand}: {e.Message}";
            }
            if (message is not null)
                return Task.FromResult(c.Fail(message));
        }
        return Task.FromResult(0);
    }
}
