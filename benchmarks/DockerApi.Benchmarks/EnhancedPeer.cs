using System.Reflection;
using System.Runtime.Loader;

namespace DockerApi.Benchmarks;

/// <summary>
/// Docker.DotNet.Enhanced (4.4.1) beside Docker.DotNet 3.125.15: both ship an assembly named Docker.DotNet.dll, so the
/// Enhanced library (benchmarks/DockerApi.Benchmarks.Enhanced, built with this project) is loaded into a load context
/// of its own and called through delegates of framework types.
/// </summary>
public sealed class EnhancedPeer : IDisposable
{
    private readonly object _client;
    private readonly Func<object, Task<string?>> _version;
    private readonly Func<object, Task<int>> _list;
    private readonly Func<object, Task<int>> _pull;
    private readonly Func<object, byte[], Task<long>> _logs;
    private readonly Func<object, int, Task<int>> _inspect;
    private readonly Func<object, Task<int>> _events;
    private readonly Action<object> _dispose;

    public EnhancedPeer(Uri socketUri)
    {
        var calls = Load().GetType("DockerApi.Benchmarks.Enhanced.EnhancedCalls", throwOnError: true)!;
        T Bind<T>(string name) where T : Delegate => calls.GetMethod(name)!.CreateDelegate<T>();
        _client = Bind<Func<string, object>>("Connect")(socketUri.ToString());
        _version = Bind<Func<object, Task<string?>>>("VersionAsync");
        _list = Bind<Func<object, Task<int>>>("ListAsync");
        _pull = Bind<Func<object, Task<int>>>("PullAsync");
        _logs = Bind<Func<object, byte[], Task<long>>>("LogsAsync");
        _inspect = Bind<Func<object, int, Task<int>>>("InspectManyAsync");
        _events = Bind<Func<object, Task<int>>>("EventsAsync");
        _dispose = Bind<Action<object>>("Dispose");
    }

    public Task<string?> VersionAsync() => _version(_client);

    public Task<int> ListContainersAsync() => _list(_client);

    /// <summary>A pull; returns the number of messages reported.</summary>
    public Task<int> PullAsync() => _pull(_client);

    /// <summary>A container's logs to their end; returns the bytes of output.</summary>
    public Task<long> LogsAsync(byte[] buffer) => _logs(_client, buffer);

    /// <summary><paramref name="count"/> concurrent inspects; returns how many were running.</summary>
    public Task<int> InspectManyAsync(int count) => _inspect(_client, count);

    /// <summary>An events stream to its end; returns the messages reported.</summary>
    public Task<int> EventsAsync() => _events(_client);

    public void Dispose() => _dispose(_client);

    private static Assembly Load()
    {
        var configuration = typeof(EnhancedPeer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(Repository.Root, "benchmarks", "DockerApi.Benchmarks.Enhanced", "bin", configuration, "net10.0", "DockerApi.Benchmarks.Enhanced.dll");
        if (!File.Exists(path))
            throw new FileNotFoundException("Build benchmarks/DockerApi.Benchmarks.Enhanced (this project's build does).", path);
        return new PeerLoadContext(path).LoadFromAssemblyPath(path);
    }

    /// <summary>Resolves the peer's own assemblies (its Docker.DotNet.dll among them) from its folder, the framework from the default context.</summary>
    private sealed class PeerLoadContext(string mainAssembly) : AssemblyLoadContext("Docker.DotNet.Enhanced")
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName name) =>
            _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
