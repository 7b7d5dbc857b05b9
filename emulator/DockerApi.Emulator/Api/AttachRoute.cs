using System.Text.Json;
using DockerApi.Emulator.Processes;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary><c>POST /containers/(id)/attach</c>: the hijacked raw stream of 2013, stored logs then live output, stdin alongside.</summary>
internal sealed class AttachRoute(DaemonState state) : RouteArea(state)
{
    public override void Register(Router router) => router.Add("POST", "/containers/{name}/attach", AttachContainer);

    private async Task AttachContainer(RouteContext c)
    {
        bool logs = c.Bool("logs"), stream = c.Bool("stream"), stdin = c.Bool("stdin"), stdout = c.Bool("stdout"), stderr = c.Bool("stderr");
        var container = State.RequireContainer(c.Name);
        var connection = await c.Response.HijackAsync(c.Cancellation);
        var (storedOut, storedErr, live) = container.Output.Attach(subscribe: stream && (stdout || stderr));
        try
        {
            if (logs)
            {
                if (stdout)
                    await connection.WriteAsync(storedOut, c.Cancellation);
                if (stderr)
                    await connection.WriteAsync(storedErr, c.Cancellation);
            }
            if (!stream)
                return;
            // Stdin is read alongside; it ends with the connection, which the output's end closes below.
            if (stdin && container.Process is { } process)
                _ = ForwardStdinAsync(connection, container, process, c.Cancellation);
            await foreach (var (target, data) in live.ReadAllAsync(c.Cancellation))
            {
                if (target == OutputHub.Stdout && stdout || target == OutputHub.Stderr && stderr)
                    await connection.WriteAsync(data, c.Cancellation);
            }
        }
        finally
        {
            container.Output.Detach(live);
            await connection.FlushAsync(c.Cancellation);
            c.Response.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        }
    }

    /// <summary>Copies the connection's bytes to the container's stdin (if it keeps stdin open); at their end, closes stdin of a StdinOnce container.</summary>
    private static async Task ForwardStdinAsync(Stream connection, Container container, IContainerProcess process, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await connection.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (!container.Config.OpenStdin)
                    continue;
                var result = await process.Stdin.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                if (result.IsCompleted)
                    break;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection or the process ended first.
        }
        if (container.Config.OpenStdin && container.Config.StdinOnce && !container.Config.Tty)
        {
            try
            {
                process.CloseStdin();
            }
            catch (InvalidOperationException)
            {
                // Already closed.
            }
        }
    }
}
