using DockerApi.Transport;

namespace DockerApi.Configuration;

/// <summary>An endpoint and where it came from, for the user: <c>DOCKER_HOST</c>, a context, the default socket, a probed socket.</summary>
/// <param name="Endpoint">The daemon's endpoint.</param>
/// <param name="Source">Where it came from, in words (<c>context 'remote' (DOCKER_CONTEXT)</c>).</param>
/// <param name="Context">The context it came from, or null.</param>
/// <param name="IsDefault">True when nothing named the daemon: the default socket, or one probed in its place.</param>
public sealed record ResolvedEndpoint(DockerEndpoint Endpoint, string Source, string? Context = null, bool IsDefault = false);

/// <summary>
/// Finds the daemon as the docker CLI does, in one order: an explicit host (<c>--host</c>) → an explicit context
/// (<c>--context</c>) → <c>DOCKER_HOST</c> (TLS from <c>DOCKER_TLS_VERIFY</c>, <c>DOCKER_CERT_PATH</c>,
/// <c>DOCKER_TLS</c>) → <c>DOCKER_CONTEXT</c> → <c>currentContext</c> of <c>config.json</c> → the default socket
/// <c>/var/run/docker.sock</c>; when that does not exist, the sockets users have instead (rootless, Docker Desktop,
/// Colima, Podman), the first that exists.
/// </summary>
public static class DockerEndpointResolver
{
    /// <summary>Resolves the endpoint; <paramref name="host"/> and <paramref name="context"/> are the command line's, null when not given.</summary>
    /// <param name="host">An explicit endpoint (<c>--host</c>), or null.</param>
    /// <param name="context">An explicit context (<c>--context</c>), or null.</param>
    /// <param name="tls">Explicit TLS settings (<c>--tlsverify</c> …) for a tcp:// host, or null for the environment's.</param>
    /// <param name="environment">The environment to read; null for the process's.</param>
    /// <exception cref="DockerConfigException">Both a host and a context are given, or a context or file cannot be used.</exception>
    /// <exception cref="FormatException">A host is not a Docker endpoint.</exception>
    public static ResolvedEndpoint Resolve(string? host = null, string? context = null, DockerTls? tls = null, DockerEnvironment? environment = null)
    {
        environment ??= DockerEnvironment.Current;
        if (host is not null && context is not null)
            throw new DockerConfigException("give a host or a context, not both (as the docker CLI: --host and --context conflict)");
        if (host is not null)
            return new(WithTls(DockerEndpoint.Parse(host), tls, environment), "--host");
        if (context is not null)
            return FromContext(context, "--context", environment);
        if (environment.Variable("DOCKER_HOST") is { } variable)
            return new(WithTls(DockerEndpoint.Parse(variable), tls, environment), "DOCKER_HOST");
        if (environment.Variable("DOCKER_CONTEXT") is { } named)
            return FromContext(named, "DOCKER_CONTEXT", environment);
        var config = DockerConfigFile.Load(environment);
        if (config.CurrentContext is { } current && current != DockerContexts.DefaultName)
            return FromContext(current, $"the current context of {config.Path}", environment);
        return DefaultSocket(environment);
    }

    /// <summary>The sockets probed when <c>/var/run/docker.sock</c> does not exist, in order, with what each belongs to.</summary>
    public static IReadOnlyList<(string Path, string What)> ProbedSockets(DockerEnvironment? environment = null)
    {
        environment ??= DockerEnvironment.Current;
        var home = environment.Home;
        var runtime = environment.Variable("XDG_RUNTIME_DIR");
        var sockets = new List<(string, string)>();
        if (runtime is not null)
            sockets.Add((Path.Combine(runtime, "docker.sock"), "rootless Docker"));
        sockets.Add((Path.Combine(home, ".docker", "run", "docker.sock"), "Docker Desktop"));
        sockets.Add((Path.Combine(home, ".docker", "desktop", "docker.sock"), "Docker Desktop"));
        sockets.Add((Path.Combine(home, ".colima", "default", "docker.sock"), "Colima"));
        sockets.Add((Path.Combine(home, ".colima", "docker.sock"), "Colima"));
        if (runtime is not null)
            sockets.Add((Path.Combine(runtime, "podman", "podman.sock"), "Podman"));
        sockets.Add(("/run/podman/podman.sock", "Podman"));
        return sockets;
    }

    private static ResolvedEndpoint FromContext(string name, string why, DockerEnvironment environment)
    {
        if (name == DockerContexts.DefaultName)
            return DefaultSocket(environment) with { Context = name };
        var context = DockerContexts.Get(name, environment);
        return new(context.Endpoint, $"context '{name}' ({why})", name);
    }

    private static ResolvedEndpoint DefaultSocket(DockerEnvironment environment)
    {
        const string socket = "/var/run/docker.sock";
        if (File.Exists(socket) || OperatingSystem.IsWindows())
            return new(DockerEndpoint.Parse(OperatingSystem.IsWindows() ? "npipe:////./pipe/docker_engine" : DockerEndpoint.DefaultHost), "the default socket", IsDefault: true);
        foreach (var (path, what) in ProbedSockets(environment))
        {
            if (File.Exists(path))
                return new(DockerEndpoint.Parse("unix://" + path), $"the {what} socket (no /var/run/docker.sock)", IsDefault: true);
        }
        return new(DockerEndpoint.Parse(DockerEndpoint.DefaultHost), "the default socket, which does not exist, nor does any other known one", IsDefault: true);
    }

    /// <summary>TLS for a tcp:// endpoint: the explicit settings, else DOCKER_TLS_VERIFY / DOCKER_TLS with DOCKER_CERT_PATH (default ~/.docker).</summary>
    private static DockerEndpoint WithTls(DockerEndpoint endpoint, DockerTls? tls, DockerEnvironment environment)
    {
        if (!endpoint.AcceptsTls)
            return endpoint;
        if (tls is not null)
            return endpoint.WithTls(tls);
        var verify = environment.Variable("DOCKER_TLS_VERIFY") is not null;
        if (!verify && environment.Variable("DOCKER_TLS") is null)
            return endpoint;
        var folder = environment.Variable("DOCKER_CERT_PATH") ?? environment.ConfigDirectory;
        return endpoint.WithTls(DockerTls.FromDirectory(folder, verify));
    }
}
