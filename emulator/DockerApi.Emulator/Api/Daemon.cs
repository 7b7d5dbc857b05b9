using System.Text.Json;
using DockerApi.Emulator.Http;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>The emulated docker 0.4.4 daemon: its state and every route of API v1.0 – v1.2.</summary>
internal sealed partial class Daemon
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Container> _containers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly Router _router = new();
    private readonly EmulatorOptions _options;
    private int _nextAddress = 2;

    /// <summary>Credentials stored by POST /auth of v1.0/v1.1 (the daemon's .dockercfg).</summary>
    private (string Username, string Password, string Email) _storedAuth = ("", "", "");

    public Daemon(EmulatorOptions options)
    {
        _options = options;
        Catalog = new ImageCatalog();
        RegisterContainerRoutes();
        RegisterImageRoutes();
        RegisterSystemRoutes();
    }

    public Graph Graph { get; } = new();

    public ImageCatalog Catalog { get; }

    public Task HandleAsync(HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        _router.HandleAsync(request, response, cancellationToken);

    private Container RequireContainer(string name) => FindContainer(name) ?? throw new DaemonException("No such container: " + name);

    private Container? FindContainer(string name)
    {
        lock (_gate)
        {
            if (_containers.TryGetValue(name, out var exact))
                return exact;
            var matches = name.Length == 0 ? [] : _containers.Values.Where(c => c.Id.StartsWith(name, StringComparison.Ordinal)).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }
    }

    private List<Container> Containers()
    {
        lock (_gate)
            return _containers.Values.OrderByDescending(c => c.Created).ThenByDescending(c => c.Id, StringComparer.Ordinal).ToList();
    }

    private static Task Json(RouteContext c, int status, Action<Utf8JsonWriter> write, string contentType = "application/json") =>
        c.Response.WriteAsync(status, contentType, GoJson.Write(write), c.Cancellation);

    private static Task Empty(RouteContext c, int status) => c.Response.WriteAsync(status, null, [], c.Cancellation);

    private static JsonElement? ParseBody(RouteContext c)
    {
        if (c.Request.Body.Length == 0)
            return null;
        try
        {
            using var document = JsonDocument.Parse(c.Request.Body);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new DaemonException("invalid character in JSON body: " + e.Message);
        }
    }

    /// <summary>The body as a JSON object, failing as Go's decoder did for anything else.</summary>
    private static JsonElement RequireObject(RouteContext c, string goType)
    {
        var body = ParseBody(c) ?? throw new DaemonException("EOF");
        return body.ValueKind == JsonValueKind.Object
            ? body
            : throw new DaemonException($"json: cannot unmarshal {body.ValueKind.ToString().ToLowerInvariant()} into Go value of type {goType}");
    }

    /// <summary>Runs <paramref name="work"/> unless the same key is already running: "… is already in progress" (500).</summary>
    private async Task Exclusive(string key, string busyMessage, Func<Task> work)
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
