using System.Formats.Tar;

namespace DockerApi.Emulator.State;

/// <summary>One file or directory of an emulated filesystem.</summary>
internal sealed record FileNode(bool IsDirectory, byte[] Content, DateTimeOffset Modified, UnixFileMode Mode);

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

    public FileNode? Get(string path) => _nodes.GetValueOrDefault(Normalize(path));

    public bool Exists(string path) => _nodes.ContainsKey(Normalize(path));

    public bool IsDirectory(string path) => Get(path)?.IsDirectory == true;

    /// <summary>Writes a file, creating its parent directories.</summary>
    public void WriteFile(string path, byte[] content, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        path = Normalize(path);
        MakeDirectories(Parent(path));
        _nodes[path] = new FileNode(false, content, DateTimeOffset.UtcNow, mode);
    }

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
            var entry = new UstarTarEntry(node.IsDirectory ? TarEntryType.Directory : TarEntryType.RegularFile, name)
            {
                Mode = node.Mode,
                ModificationTime = node.Modified,
            };
            if (!node.IsDirectory)
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
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
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
