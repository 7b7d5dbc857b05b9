using System.Text.Json;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>A container's run: start, stop and kill, restart, wait, resize.</summary>
internal sealed class ContainerRunRoutes(DaemonState state) : RouteArea(state)
{
    public override void Register(Router router)
    {
        router.Add("POST", "/containers/{name}/kill", StopContainer);
        router.Add("POST", "/containers/{name}/restart", RestartContainer);
        router.Add("POST", "/containers/{name}/start", StartContainer);
        router.Add("POST", "/containers/{name}/stop", StopContainer);
        router.Add("POST", "/containers/{name}/wait", WaitContainer);
        router.Add("POST", "/containers/{name}/resize", ResizeContainer);
    }

    private Task StartContainer(RouteContext c)
    {
        var container = State.RequireContainer(c.Name);
        State.Start(container);
        return Empty(c, 204);
    }

    /// <summary>
    /// Stop and kill. The daemon waited <c>t</c> seconds (default 10) between SIGTERM and SIGKILL for a stop;
    /// emulated processes end at once, so both are the same here.
    /// </summary>
    private async Task StopContainer(RouteContext c)
    {
        var container = State.RequireContainer(c.Name);
        await DaemonState.Kill(container, c.Cancellation);
        await Empty(c, 204);
    }

    private async Task RestartContainer(RouteContext c)
    {
        var container = State.RequireContainer(c.Name);
        await DaemonState.Kill(container, c.Cancellation);
        State.Start(container);
        await Empty(c, 204);
    }

    private async Task WaitContainer(RouteContext c)
    {
        var container = State.RequireContainer(c.Name);
        await container.Exited.Task.WaitAsync(c.Cancellation);
        await Json(c, 200, w => { w.WriteStartObject(); w.WriteNumber("StatusCode", container.ExitCode); w.WriteEndObject(); });
    }

    private Task ResizeContainer(RouteContext c)
    {
        State.RequireContainer(c.Name); // 404 first, as the daemon looked the container up before parsing h and w
        foreach (var key in new[] { "h", "w" })
        {
            if (GoStrconv.AtoiError(c.Request.Form(key)) is { } error)
                throw new DaemonException(error);
        }
        return c.Response.WriteAsync(200, null, [], c.Cancellation);
    }
}
