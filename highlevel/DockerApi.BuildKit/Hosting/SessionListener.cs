using System.Net;
using Microsoft.AspNetCore.Connections;

namespace DockerApi.BuildKit.Hosting;

/// <summary>Where Kestrel listens for a session: nowhere on the network; its one connection is the upgraded stream.</summary>
internal sealed class SessionEndPoint : EndPoint
{
    public override string ToString() => "buildkit-session";
}

/// <summary>Kestrel's transport for a session: hands Kestrel the one connection, then nothing until Kestrel stops.</summary>
internal sealed class SessionListenerFactory(StreamConnection connection) : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    public bool CanBind(EndPoint endpoint) => endpoint is SessionEndPoint;

    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IConnectionListener>(new SessionListener(endpoint, connection));

    private sealed class SessionListener(EndPoint endpoint, StreamConnection connection) : IConnectionListener
    {
        private readonly TaskCompletionSource _unbound = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _accepted;

        public EndPoint EndPoint => endpoint;

        public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _accepted, 1) == 0)
                return connection;
            // Kestrel accepts in a loop; the second accept waits for the end (null: no more connections).
            await _unbound.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
        {
            _unbound.TrySetResult();
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            _unbound.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
