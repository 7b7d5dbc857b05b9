using DockerApi.Build;
using DockerApi.BuildKit.Hosting;
using DockerApi.BuildKit.Services;
using DockerApi.Transport;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DockerApi.BuildKit;

/// <summary>
/// A BuildKit session for <see cref="BuildOptions.Session"/>: what the engine may ask this process for while it builds —
/// the <see cref="Secrets"/>, the <see cref="SshAgents"/>, the registry credentials <c>docker login</c> stored (for
/// private base images). Served as gRPC (Grpc.AspNetCore on Kestrel) over the build's <c>POST /session</c> connection.
/// </summary>
/// <example>
/// <code>
/// var id = await docker.Images.BuildAsync("./app", new BuildOptions
/// {
///     Tag = "app:dev",
///     Session = new BuildKitSession
///     {
///         Secrets = [BuildSecret.FromFile("npmrc", "/home/me/.npmrc"), BuildSecret.FromEnvironment("token", "API_TOKEN")],
///         SshAgents = [SshAgent.Default],
///     },
/// });
/// </code>
/// </example>
public sealed class BuildKitSession : BuildSession
{
    /// <summary>The secrets a <c>RUN --mount=type=secret,id=…</c> may read, by id (<c>--secret</c>).</summary>
    public IReadOnlyList<BuildSecret> Secrets { get; init; } = [];

    /// <summary>The ssh agents a <c>RUN --mount=type=ssh</c> may use, by id (<c>--ssh</c>).</summary>
    public IReadOnlyList<SshAgent> SshAgents { get; init; } = [];

    /// <summary>
    /// Whether the engine may ask for the registry credentials stored by <c>docker login</c> (to pull a private base
    /// image); default true, as the docker CLI.
    /// </summary>
    public bool RegistryCredentials { get; init; } = true;

    /// <summary>
    /// Whether the engine pulls the build's files from this session by BuildKit's file sync, as the docker CLI sends a
    /// folder: default true. Only what the engine's copy from an earlier build of the folder lacks is sent, and a large
    /// context is never tarred whole; false sends the context as a tar with the build.
    /// </summary>
    public bool SyncContext { get; init; } = true;

    /// <summary>Where the stored credentials are looked up (<c>DOCKER_CONFIG</c>, <c>HOME</c>); default this process's environment.</summary>
    public DockerEnvironment Environment { get; init; } = DockerEnvironment.Current;

    /// <inheritdoc />
    protected override bool SyncsContext => SyncContext;

    /// <inheritdoc />
    protected override IReadOnlyList<string> Methods => Services().SelectMany(s => s.Methods, (s, m) => $"/{s.FullName}/{m.Name}").ToArray();

    /// <summary>The services this session serves: their descriptors are the one list of what it advertises and maps.</summary>
    private IEnumerable<ServiceDescriptor> Services()
    {
        yield return Grpc.Health.V1.Health.Descriptor;
        if (Secrets.Count > 0)
            yield return Wire.Secrets.Secrets.Descriptor;
        if (SshAgents.Count > 0)
            yield return Wire.Ssh.SSH.Descriptor;
        if (RegistryCredentials)
            yield return Wire.Auth.Auth.Descriptor;
        if (SyncContext)
            yield return Wire.FileSync.FileSync.Descriptor;
    }

    /// <inheritdoc />
    protected override async Task PrepareAsync(string directory, string dockerfile, CancellationToken cancellationToken)
    {
        EnsureUnique(Secrets.Select(s => s.Id), "secret");
        EnsureUnique(SshAgents.Select(a => a.Id), "ssh agent");
        foreach (var secret in Secrets)
            await secret.ReadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var agent in SshAgents)
            (await agent.ConnectAsync(cancellationToken).ConfigureAwait(false)).Dispose();
        // A .dockerignore that cannot be used is said before anything is sent, as the tar path says it.
        if (SyncContext)
            _ = DockerIgnore.ForContext(directory, dockerfile);
    }

    private static void EnsureUnique(IEnumerable<string> ids, string what)
    {
        if (ids.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"two {what}s have the id '{twice.Key}'");
    }

    /// <inheritdoc />
    protected override Task ServeAsync(Stream connection, string directory, string dockerfile, CancellationToken cancellationToken)
    {
        var health = new HealthServiceImpl();
        health.SetStatus("", Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        return SessionServer.ServeAsync(connection, services =>
        {
            services.AddSingleton(health);
            services.AddSingleton(new SecretsService(Secrets.ToDictionary(s => s.Id)));
            services.AddSingleton(new SshService(SshAgents.ToDictionary(a => a.Id)));
            services.AddSingleton(new AuthService(Environment));
            services.AddSingleton(new FileSyncService(SyncedFolders(directory, dockerfile)));
        }, app =>
        {
            app.MapGrpcService<HealthServiceImpl>();
            if (Secrets.Count > 0)
                app.MapGrpcService<SecretsService>();
            if (SshAgents.Count > 0)
                app.MapGrpcService<SshService>();
            if (RegistryCredentials)
                app.MapGrpcService<AuthService>();
            if (SyncContext)
                app.MapGrpcService<FileSyncService>();
        }, cancellationToken);
    }

    /// <summary>
    /// The folders BuildKit's Dockerfile frontend pulls, by the names the docker CLI gives them: the context, less what
    /// its <c>.dockerignore</c> leaves out (the Dockerfile and the ignore file kept), and the Dockerfile's own folder.
    /// </summary>
    private static Dictionary<string, SyncedFolder> SyncedFolders(string directory, string dockerfile) => new()
    {
        ["context"] = new SyncedFolder(directory, DockerIgnore.ForContext(directory, dockerfile)),
        ["dockerfile"] = new SyncedFolder(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(directory, dockerfile)))!, null),
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"BuildKitSession {{ Secrets = [{string.Join(", ", Secrets.Select(s => s.Id))}], SshAgents = [{string.Join(", ", SshAgents.Select(a => a.Id))}], RegistryCredentials = {RegistryCredentials}, SyncContext = {SyncContext} }}";
}
