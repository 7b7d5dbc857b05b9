namespace DockerApi.Emulator.State;

/// <summary>The images and repositories of the daemon, with docker 0.4.4's name lookup.</summary>
internal sealed class Graph
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Image> _images = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _repositories = new(StringComparer.Ordinal);

    public object Gate => _gate;

    public IReadOnlyCollection<Image> Images
    {
        get { lock (_gate) return _images.Values.ToList(); }
    }

    /// <summary>(repository, tag, image id) for every name, sorted.</summary>
    public IReadOnlyList<(string Repository, string Tag, string Id)> Names
    {
        get
        {
            lock (_gate)
                return _repositories.SelectMany(r => r.Value.Select(t => (r.Key, t.Key, t.Value))).ToList();
        }
    }

    public void Add(Image image)
    {
        lock (_gate)
            _images[image.Id] = image;
    }

    public Image? Get(string id)
    {
        lock (_gate)
            return _images.GetValueOrDefault(id);
    }

    /// <summary>An image by <c>repository</c>, <c>repository:tag</c> (tag default <c>latest</c>), full id or id prefix; null when none.</summary>
    public Image? Lookup(string name)
    {
        lock (_gate)
        {
            var (repository, tag) = Split(name);
            if (_repositories.TryGetValue(repository, out var tags) && tags.TryGetValue(tag, out var id))
                return _images[id];
            if (_images.TryGetValue(name, out var byId))
                return byId;
            var matches = name.Length == 0 ? [] : _images.Values.Where(i => i.Id.StartsWith(name, StringComparison.Ordinal)).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }
    }

    public Image Require(string name) => Lookup(name) ?? throw new DaemonException("No such image: " + name);

    public void Tag(string repository, string tag, string id)
    {
        if (repository.Length == 0 || repository.Contains(':'))
            throw new DaemonException($"Illegal repository name: {repository}");
        lock (_gate)
        {
            if (!_repositories.TryGetValue(repository, out var tags))
                _repositories[repository] = tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
            tags[tag.Length == 0 ? "latest" : tag] = id;
        }
    }

    /// <summary>Names (<c>repo:tag</c>) that point at <paramref name="id"/>, sorted.</summary>
    public List<string> NamesOf(string id)
    {
        lock (_gate)
            return _repositories.SelectMany(r => r.Value.Where(t => t.Value == id).Select(t => r.Key + ":" + t.Key)).Order(StringComparer.Ordinal).ToList();
    }

    public bool Untag(string repository, string tag)
    {
        lock (_gate)
        {
            if (!_repositories.TryGetValue(repository, out var tags) || !tags.Remove(tag))
                return false;
            if (tags.Count == 0)
                _repositories.Remove(repository);
            return true;
        }
    }

    public IReadOnlyDictionary<string, string>? Repository(string repository)
    {
        lock (_gate)
            return _repositories.TryGetValue(repository, out var tags) ? new Dictionary<string, string>(tags) : null;
    }

    public void Delete(string id)
    {
        lock (_gate)
        {
            _images.Remove(id);
            foreach (var repository in _repositories.Keys.ToList())
            {
                var tags = _repositories[repository];
                foreach (var tag in tags.Where(t => t.Value == id).Select(t => t.Key).ToList())
                    tags.Remove(tag);
                if (tags.Count == 0)
                    _repositories.Remove(repository);
            }
        }
    }

    public IEnumerable<Image> ChildrenOf(string id)
    {
        lock (_gate)
            return _images.Values.Where(i => i.Parent == id).ToList();
    }

    /// <summary>The image and its parents, newest first.</summary>
    public List<Image> History(Image image)
    {
        var chain = new List<Image>();
        for (var current = image; current is not null; current = current.Parent.Length == 0 ? null : Get(current.Parent))
            chain.Add(current);
        return chain;
    }

    public static (string Repository, string Tag) Split(string name)
    {
        var colon = name.LastIndexOf(':');
        // "host:port/repo" has a colon that is not a tag separator.
        return colon < 0 || name[(colon + 1)..].Contains('/') ? (name, "latest") : (name[..colon], name[(colon + 1)..]);
    }
}
