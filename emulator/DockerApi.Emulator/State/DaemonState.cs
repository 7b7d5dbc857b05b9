
namespace DockerApi.Emulator.State;

/// <summary>
/// Everything the emulated daemon knows — containers, the image graph, the offline index, stored credentials —
/// and the operations several route areas share (create, start, kill, commit). Route areas hold no state.
/// </summary>
/// <param name="options">The emulator's settings.</param>
/// <param name="startProcess">Starts a container's process (<c>Processes.ContainerProcess.Start</c>): handed in, as the processes run over this state.</param>
internal sealed class DaemonState(EmulatorOptions options, Func<Container, IContainerProcess> startProcess)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Container> _containers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private (string Username, string Password, string Email) _storedAuth = ("", "", "");
    private int _nextAddress = 2;

    public EmulatorOptions Options { get; } = options;

    public Graph Graph { get; } = new();

    public ImageCatalog Catalog { get; } = new();

    /// <summary>Credentials stored by POST /auth of v1.0/v1.1 (the daemon's .dockercfg).</summary>
    public (string Username, string Password, string Email) StoredAuth
    {
        get { lock (_gate) return _storedAuth; }
    }

    /// <summary>
    /// Stores credentials as POST /auth of v1.0/v1.1 did, in one step: an empty password for the stored user keeps
    /// the stored one. Returns the password stored.
    /// </summary>
    public string StoreAuth(string username, string password, string email)
    {
        lock (_gate)
        {
            if (username == _storedAuth.Username && password.Length == 0)
                password = _storedAuth.Password;
            _storedAuth = (username, password, email);
            return password;
        }
    }

    public int ContainerCount
    {
        get { lock (_gate) return _containers.Count; }
    }

    public Container RequireContainer(string name) => FindContainer(name) ?? throw new DaemonException("No such container: " + name);

    /// <summary>By full id, else by a unique id prefix.</summary>
    public Container? FindContainer(string name)
    {
        lock (_gate)
        {
            if (_containers.TryGetValue(name, out var exact))
                return exact;
            var matches = name.Length == 0 ? [] : _containers.Values.Where(c => c.Id.StartsWith(name, StringComparison.Ordinal)).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }
    }

    /// <summary>Newest first, as the daemon's runtime list.</summary>
    public List<Container> Containers()
    {
        lock (_gate)
            return _containers.Values.OrderByDescending(c => c.Created).ThenByDescending(c => c.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A new container of <paramref name="image"/> running <paramref name="command"/>, over a copy of the image's files.</summary>
    public Container AddContainer(Image image, ContainerConfig config, IReadOnlyList<string> command)
    {
        var container = new Container
        {
            Id = Ids.New(),
            Path = command[0],
            Args = command.Skip(1).ToList(),
            Config = config,
            ImageId = image.Id,
            Tree = image.Tree.Copy(),
            IpAddress = $"172.16.42.{Interlocked.Increment(ref _nextAddress)}",
        };
        lock (_gate)
            _containers[container.Id] = container;
        return container;
    }

    public void RemoveContainer(Container container)
    {
        lock (_gate)
            _containers.Remove(container.Id);
    }

    public void Start(Container container)
    {
        lock (_gate)
        {
            if (container.Running)
                throw new DaemonException($"Error starting container {container.Id}: The container {container.Id} is already running.");
            container.Running = true;
            container.Mounted = true;
            container.Pid = 1000 + Random.Shared.Next(30000);
            container.StartedAt = DateTimeOffset.UtcNow;
            container.Exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            container.Process = startProcess(container);
        }
    }

    public static async Task Kill(Container container, CancellationToken cancellationToken)
    {
        container.Process?.Kill();
        await container.Exited.Task.WaitAsync(cancellationToken);
    }

    public Image Commit(Container container, ContainerConfig? config, string comment, string author)
    {
        var parent = Graph.Get(container.ImageId);
        var tree = container.Tree.Copy();
        var changes = tree.ChangesFrom(parent?.Tree ?? new FileTree());
        var image = new Image
        {
            Id = Ids.New(),
            Parent = container.ImageId,
            Comment = comment,
            Author = author,
            Container = container.Id,
            ContainerConfig = container.Config.Clone(),
            Config = config ?? parent?.Config,
            Tree = tree,
            Size = changes.Where(x => x.Kind != 2).Sum(x => (long)(tree.Get(x.Path)?.Content.Length ?? 0)),
        };
        Graph.Add(image);
        return image;
    }

    /// <summary>Runs <paramref name="work"/> unless the same key is already running: "… is already in progress" (500).</summary>
    public async Task Exclusive(string key, string busyMessage, Func<Task> work)
    {
        lock (_gate)
        {
            if (!_inProgress.Add(key))
                throw new DaemonException(busyMessage);
        }
        try
        {
            await work();
        }
        finally
        {
            lock (_gate)
                _inProgress.Remove(key);
        }
    }
}
