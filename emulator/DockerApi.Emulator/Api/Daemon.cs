using DockerApi.Emulator.Http;
using DockerApi.Emulator.Processes;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>The emulated docker 0.4.4 daemon: one <see cref="DaemonState"/> and the route areas of API v1.0 – v1.2 over it.</summary>
internal sealed class Daemon
{
    private readonly Router _router = new();

    public Daemon(EmulatorOptions options)
    {
        var state = new DaemonState(options, ContainerProcess.Start);
        RouteArea[] areas =
        [
            new ContainerRoutes(state), new ContainerRunRoutes(state), new AttachRoute(state),
            new ImageRoutes(state), new ImageTransferRoutes(state), new CommitRoutes(state), new BuildRoute(state),
            new SystemRoutes(state),
        ];
        foreach (var area in areas)
            area.Register(_router);
    }

    public Task HandleAsync(HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        _router.HandleAsync(request, response, cancellationToken);
}
