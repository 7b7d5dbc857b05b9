using System.Text.RegularExpressions;
using DockerApi.Emulator;
using DockerApi.Transport;
using YamlDotNet.RepresentationModel;

namespace DockerApi.EndToEnd.Tests;

public enum Wire
{
    Tcp,
    Unix,
}

/// <summary>An emulated daemon for one test, and a record of the operations the test's clients called.</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private readonly string? _socket;

    private EmulatorSession(EmulatedDaemon daemon, string? socket)
    {
        Daemon = daemon;
        _socket = socket;
    }

    public EmulatedDaemon Daemon { get; }

    public OperationRecorder Recorder { get; } = new();

    public static async Task<EmulatorSession> StartAsync(Wire wire)
    {
        var socket = wire == Wire.Unix ? Path.Combine(Path.GetTempPath(), $"dapi-emu-{Guid.NewGuid():N}.sock") : null;
        var daemon = await EmulatedDaemon.StartAsync(new EmulatorOptions { Host = socket is null ? "tcp://127.0.0.1:0" : "unix://" + socket });
        return new EmulatorSession(daemon, socket);
    }

    /// <summary>An HttpClient for API <paramref name="version"/> whose requests are recorded.</summary>
    public HttpClient Http(string version) =>
        new(new ApiVersionHandler(version, new RecordingHandler(Recorder) { InnerHandler = new DockerHttpHandler(Daemon.Endpoint) }))
        {
            BaseAddress = Daemon.Endpoint.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    public async ValueTask DisposeAsync()
    {
        await Daemon.DisposeAsync();
        if (_socket is not null)
            File.Delete(_socket);
    }

    private sealed class RecordingHandler(OperationRecorder recorder) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            recorder.Record(request.Method.Method, request.RequestUri!.AbsolutePath);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>The (method, path) of every request, matched to the operations of the spec files.</summary>
internal sealed class OperationRecorder
{
    private readonly List<(string Method, string Path)> _requests = [];

    public void Record(string method, string path)
    {
        lock (_requests)
            _requests.Add((method, path));
    }

    /// <summary>The operationIds of spec <paramref name="version"/> that no recorded request reached.</summary>
    public IReadOnlyList<string> Missing(string version, bool includeUndocumented)
    {
        var spec = LoadOperations(version).Where(op => includeUndocumented || !op.Undocumented).ToList();
        List<(string Method, string Path)> requests;
        lock (_requests)
            requests = _requests.Where(r => r.Path.StartsWith($"/v{version}/", StringComparison.Ordinal)).Select(r => (r.Method, r.Path[$"/v{version}".Length..])).ToList();
        return spec.Where(op => !requests.Any(r => r.Method == op.Method && op.Pattern.IsMatch(r.Path))).Select(op => op.Id).Order().ToList();
    }

    private static List<(string Id, string Method, Regex Pattern, bool Undocumented)> LoadOperations(string version)
    {
        var root = DockerApi.Tests.RepositoryPaths.Spec;
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(root, $"docker-v{version}.yaml")))
            yaml.Load(reader);
        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        var result = new List<(string, string, Regex, bool)>();
        foreach (var (path, item) in paths.Children)
        {
            // Path parameters match one or more characters; fixed routes take precedence when both match.
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(((YamlScalarNode)path).Value!), @"\\\{[^}]+}", "[^/]+(?:/[^/]+)*?") + "$");
            foreach (var (method, node) in ((YamlMappingNode)item).Children)
            {
                var operation = (YamlMappingNode)node;
                var undocumented = operation.Children.TryGetValue(new YamlScalarNode("x-docker-undocumented"), out var flag) && ((YamlScalarNode)flag).Value == "true";
                result.Add((((YamlScalarNode)operation.Children[new YamlScalarNode("operationId")]).Value!, ((YamlScalarNode)method).Value!.ToUpperInvariant(), pattern, undocumented));
            }
        }
        return result;
    }
}
