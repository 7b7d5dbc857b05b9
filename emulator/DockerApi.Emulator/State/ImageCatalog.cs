using System.Text;

namespace DockerApi.Emulator.State;

/// <summary>
/// The offline stand-in for the public index and registry: repositories that <c>fromImage</c> pulls, search
/// finds and push adds to. Built in: <c>base</c> (tags <c>latest</c>, <c>ubuntu-12.10</c>) and <c>busybox</c>.
/// </summary>
internal sealed class ImageCatalog
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Description, Dictionary<string, List<Image>> Tags)> _repositories = new(StringComparer.Ordinal);

    public ImageCatalog()
    {
        var root = BaseTree();
        var baseImage = new Image { Id = Ids.New(), Created = new DateTimeOffset(2013, 3, 23, 22, 24, 18, TimeSpan.Zero), Tree = root, Size = root.Size,
            Comment = "Imported from the emulator's built-in base", Config = new ContainerConfig { Cmd = ["/bin/sh"] } };
        var busybox = new Image { Id = Ids.New(), Created = new DateTimeOffset(2013, 5, 14, 9, 0, 0, TimeSpan.Zero), Tree = root.Copy(), Size = root.Size,
            Config = new ContainerConfig { Cmd = ["/bin/sh"] } };
        Add("base", "Another general use Ubuntu base image", "latest", [baseImage]);
        Add("base", "Another general use Ubuntu base image", "ubuntu-12.10", [baseImage]);
        Add("busybox", "Busybox base image.", "latest", [busybox]);
    }

    public void Add(string repository, string description, string tag, List<Image> chain)
    {
        lock (_gate)
        {
            if (!_repositories.TryGetValue(repository, out var entry))
                _repositories[repository] = entry = (description, new Dictionary<string, List<Image>>(StringComparer.Ordinal));
            entry.Tags[tag] = chain;
        }
    }

    /// <summary>The tags of a repository, or null when the index does not know it.</summary>
    public IReadOnlyDictionary<string, List<Image>>? Find(string repository)
    {
        lock (_gate)
            return _repositories.TryGetValue(repository, out var entry) ? new Dictionary<string, List<Image>>(entry.Tags) : null;
    }

    public IReadOnlyList<(string Name, string Description)> Search(string term)
    {
        lock (_gate)
            return _repositories.Where(r => r.Key.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Value.Description.Contains(term, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value.Description)).ToList();
    }

    private static FileTree BaseTree()
    {
        var tree = new FileTree();
        foreach (var dir in new[] { "/bin", "/etc", "/tmp", "/root", "/dev", "/proc", "/sys", "/var", "/usr/bin" })
            tree.MakeDirectories(dir);
        foreach (var tool in new[] { "sh", "echo", "cat", "true", "false", "sleep", "touch", "mkdir", "rm", "ls", "env", "date" })
            tree.WriteFile("/bin/" + tool, Encoding.ASCII.GetBytes($"#!emulated {tool}\n"), (UnixFileMode)0b111_101_101);
        tree.WriteFile("/etc/hostname", "emulated\n"u8.ToArray());
        tree.WriteFile("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"u8.ToArray());
        return tree;
    }
}
