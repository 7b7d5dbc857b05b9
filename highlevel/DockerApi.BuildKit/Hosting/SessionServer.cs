using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DockerApi.BuildKit.Hosting;

/// <summary>
/// A gRPC server (Grpc.AspNetCore on Kestrel) over the one HTTP/2 connection of a session, whose client is the
/// engine: Kestrel with <see cref="SessionListenerFactory"/> as its transport, prior-knowledge HTTP/2 only (the
/// engine sends its preface right after the upgrade), no logging, no other endpoint.
/// </summary>
internal static class SessionServer
{
    public static async Task ServeAsync(Stream stream, Action<IServiceCollection> services, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var connection = new StreamConnection(stream);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IConnectionListenerFactory>(new SessionListenerFactory(connection));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(new SessionEndPoint(), listen => listen.Protocols = HttpProtocols.Http2);
        });
        // The engine is gone or the build over when it stops: nothing to drain for long.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddGrpc();
        services(builder.Services);
        await using var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.Closed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The build is over: stop serving.
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
