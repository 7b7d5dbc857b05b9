using System.Formats.Tar;

namespace DockerApi.Emulator.State;

/// <summary>One file, directory or symbolic link (<paramref name="LinkTarget"/>, as written) of an emulated filesystem.</summary>
internal sealed record FileNode(bool IsDirectory, byte[] Content, DateTimeOffset Modified, UnixFileMode Mode, string? LinkTarget = null)
{
    public bool IsSymlink => LinkTarget is not null;
}

/// <summary>A path the kernel would refuse, with its <c>strerror</c> text (ENOENT, ENOTDIR, ELOOP).</summary>
internal sealed class PathException(string reason) : Exception(reason)
{
    public const string NotFound = "No such file or directory";
    public const string NotADirectory = "Not a directory";
    public const string Loop = "Too many levels of symbolic links";
}

/// <summary>
/// An in-memory filesystem: absolute paths to nodes. Images keep theirs; a container starts from a copy of its
/// image's, so changes stay in the container (copy-on-write at the level of the whole tree).
/// </summary>
internal sealed class FileTree
{
    private readonly SortedDictionary<string, FileNode> _nodes;

    public FileTree() : this(new SortedDictionary<string, FileNode>(StringComparer.Ordinal) { ["/"] = Directory() })
    {
    }

    private FileTree(SortedDictionary<string, FileNode> nodes) => _nodes = nodes;

    public IEnumerable<KeyValuePair<string, FileNode>> Nodes => _nodes;

    public long Size => _nodes.Values.Sum(n => (long)n.Content.Length);

    public FileTree Copy() => new(new SortedDictionary<string, FileNode>(_nodes, StringComparer.Ordinal));

    public static string Normalize(string path, string cwd = "/")
    {
        var full = path.StartsWith('/') ? path : cwd.TrimEnd('/') + "/" + path;
        var parts = new List<string>();
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>The node at <paramref name="path"/> itself, a symbolic link not followed (lstat without resolving parents).</summary>
    public FileNode? Get(string path) => _nodes.GetValueOrDefault(Normalize(path));

    /// <summary>
    /// The path with every symbolic link on it followed, as the kernel walks it: relative targets from the link's
    /// folder, absolute ones from the root, <c>..</c> after the link is resolved, at most
    /// <see cref="MaxLinks"/> links (else ELOOP). The last part need not exist; <paramref name="followLast"/>
    /// false leaves a link there unresolved (lstat, unlink).
    /// </summary>
    public string Resolve(string path, string cwd = "/", bool followLast = true)
    {
        var pending = new LinkedList<string>((path.StartsWith('/') ? path : cwd + "/" + path).Split('/', StringSplitOptions.RemoveEmptyEntries));
        var resolved = "";
        var links = 0;
        while (pending.First is { } first)
        {
            var part = first.Value;
            pending.RemoveFirst();
            if (part == ".")
                continue;
            if (part == "..")
            {
                resolved = resolved.Length == 0 || Parent(resolved) == "/" ? "" : Parent(resolved);
                continue;
            }
            var candidate = resolved + "/" + part;
            var last = pending.Count == 0;
            if (!_nodes.TryGetValue(candidate, out var node))
                return last ? candidate : throw new PathException(PathException.NotFound);
            if (node.IsSymlink && (!last || followLast))
            {
                if (++links > MaxLinks)
                    throw new PathException(PathException.Loop);
                foreach (var linked in node.LinkTarget!.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                    pending.AddFirst(linked);
                if (node.LinkTarget.StartsWith('/'))
                    resolved = "";
                continue;
            }
            if (!last && !node.IsDirectory)
                throw new PathException(PathException.NotADirectory);
            resolved = candidate;
        }
        return resolved.Length == 0 ? "/" : resolved;
    }

    /// <summary>The node <paramref name="path"/> leads to, links followed (stat); null when nothing is there.</summary>
    public FileNode? Stat(string path, string cwd = "/") => _nodes.GetValueOrDefault(Resolve(path, cwd));

    /// <summary>Linux's limit of links followed in one lookup.</summary>
    public const int MaxLinks = 40;

    public bool Exists(string path) => _nodes.ContainsKey(Normalize(path));

    public bool IsDirectory(string path) => Get(path)?.IsDirectory == true;

    /// <summary>Writes a file, its folders reached through links or made.</summary>
    public void WriteFile(string path, byte[] content, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        Put(path, new FileNode(false, content, DateTimeOffset.UtcNow, mode));
    }

    /// <summary>
    /// Puts a copy of <paramref name="node"/> (file, link or folder) at <paramref name="path"/>, whose folders are
    /// reached through links when they exist and made when they do not (ADD's copy).
    /// </summary>
    public void Put(string path, FileNode node)
    {
        path = Normalize(path);
        string parent;
        try
        {
            parent = Resolve(Parent(path));
        }
        catch (PathException e) when (e.Message == PathException.NotFound)
        {
            parent = Parent(path);
        }
        MakeDirectories(parent);
        var target = (parent == "/" ? "" : parent) + "/" + path[(path.LastIndexOf('/') + 1)..];
        if (node.IsDirectory)
            MakeDirectories(target);
        else
            _nodes[target] = node with { Modified = DateTimeOffset.UtcNow };
    }

    public void WriteSymlink(string path, string target) => Put(path, new FileNode(false, [], DateTimeOffset.UtcNow, (UnixFileMode)0b111_111_111, target));

    public void MakeDirectories(string path)
    {
        path = Normalize(path);
        var current = "";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current += "/" + part;
            if (!_nodes.ContainsKey(current))
                _nodes[current] = Directory();
        }
    }

    /// <summary>Removes a path and everything below it.</summary>
    public void Remove(string path)
    {
        path = Normalize(path);
        foreach (var key in _nodes.Keys.Where(k => k == path || k.StartsWith(path + "/", StringComparison.Ordinal)).ToList())
            _nodes.Remove(key);
    }

    public IEnumerable<string> Children(string path)
    {
        path = Normalize(path);
        var prefix = path == "/" ? "/" : path + "/";
        return _nodes.Keys.Where(k => k.Length > prefix.Length && k.StartsWith(prefix, StringComparison.Ordinal) && !k[prefix.Length..].Contains('/'))
            .Select(k => k[prefix.Length..]);
    }

    /// <summary>What changed from <paramref name="original"/> to this tree: 0 modified, 1 added, 2 deleted; sorted by path.</summary>
    public List<(string Path, int Kind)> ChangesFrom(FileTree original)
    {
        var changes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, node) in _nodes)
        {
            if (!original._nodes.TryGetValue(path, out var before))
                changes[path] = 1;
            else if (!node.IsDirectory && !ReferenceEquals(node, before))
                changes[path] = 0;
        }
        foreach (var path in original._nodes.Keys.Where(p => !_nodes.ContainsKey(p)))
            changes[path] = 2;
        // A directory whose content changed is itself modified, as the daemon reported.
        foreach (var path in changes.Keys.ToList())
        {
            for (var parent = Parent(path); parent != "/"; parent = Parent(parent))
            {
                if (original._nodes.ContainsKey(parent) && _nodes.ContainsKey(parent))
                    changes.TryAdd(parent, 0);
            }
        }
        return changes.Select(c => (c.Key, c.Value)).ToList();
    }

    public void WriteTar(Stream destination)
    {
        using var writer = new TarWriter(destination, TarEntryFormat.Ustar, leaveOpen: true);
        foreach (var (path, node) in _nodes.Where(n => n.Key != "/"))
        {
            var name = "." + path + (node.IsDirectory ? "/" : "");
            var type = node.IsDirectory ? TarEntryType.Directory : node.IsSymlink ? TarEntryType.SymbolicLink : TarEntryType.RegularFile;
            var entry = new UstarTarEntry(type, name)
            {
                Mode = node.Mode,
                ModificationTime = node.Modified,
            };
            if (node.IsSymlink)
                entry.LinkName = node.LinkTarget!;
            if (type == TarEntryType.RegularFile)
                entry.DataStream = new MemoryStream(node.Content);
            writer.WriteEntry(entry);
        }
    }

    /// <summary>Reads a tar archive into a new tree; raises <see cref="DaemonException"/> for an archive that is not a tar.</summary>
    public static FileTree FromTar(Stream source)
    {
        var tree = new FileTree();
        tree.AddTar(source);
        return tree;
    }

    public void AddTar(Stream source, string under = "/")
    {
        try
        {
            using var reader = new TarReader(source, leaveOpen: true);
            while (reader.GetNextEntry() is { } entry)
            {
                var path = Normalize(entry.Name, under);
                if (path == "/")
                    continue;
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        MakeDirectories(path);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                        var content = new MemoryStream();
                        entry.DataStream?.CopyTo(content);
                        WriteFile(path, content.ToArray(), entry.Mode);
                        break;
                    case TarEntryType.SymbolicLink:
                        WriteSymlink(path, entry.LinkName);
                        break;
                    case TarEntryType.HardLink:
                        // Another name for a file earlier in the archive (busybox's applets often are).
                        Put(path, Get(Normalize(entry.LinkName, under)) ?? throw new DaemonException($"Error processing tar file: hard link {entry.Name} to a missing {entry.LinkName}"));
                        break;
                }
            }
        }
        // OverflowException: a base-256 number field (GNU tar's form for large values) too large for .NET's reader.
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new DaemonException("Error processing tar file: " + e.Message);
        }
    }

    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    private static FileNode Directory() => new(true, [], DateTimeOffset.UtcNow, (UnixFileMode)0b111_101_101);
}
