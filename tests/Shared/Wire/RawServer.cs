using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using DockerApi.Transport;

namespace DockerApi.Tests;

public enum Wire
{
    Tcp,
    Unix,
}

/// <summary>
/// A tiny server on loopback TCP or a unix socket that runs a script for each connection, so that tests
/// control every byte the client receives.
/// </summary>
internal sealed class RawServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Func<RawConnection, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly ConcurrentBag<RawConnection> _open = [];
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly string? _socketPath;
    private readonly Task _acceptLoop;
    private int _accepted;

    private RawServer(Wire wire, Func<RawConnection, Task> script)
    {
        _script = script;
        if (wire == Wire.Unix)
        {
            _socketPath = Path.Combine(Path.GetTempPath(), $"dapi-{Guid.NewGuid():N}.sock");
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(_socketPath));
            Endpoint = DockerEndpoint.Parse("unix://" + _socketPath);
        }
        else
        {
            _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Endpoint = DockerEndpoint.Parse($"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}");
        }
        _listener.Listen(64);
        _acceptLoop = AcceptAsync();
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public static RawServer Start(Wire wire, Func<RawConnection, Task> script) => new(wire, script);

    /// <summary>A server that answers one request with <paramref name="head"/> and then each of <paramref name="chunks"/> as one HTTP chunk.</summary>
    public static RawServer Chunked(Wire wire, string head, params string[] chunks) => Start(wire, async c =>
    {
        await c.ReadRequestAsync();
        await c.WriteAsync(head);
        foreach (var chunk in chunks)
            await c.WriteChunkAsync(chunk);
        await c.EndChunksAsync();
    });

    /// <summary>A server that answers every request on a connection with <paramref name="respond"/>, keeping the connection alive.</summary>
    public static RawServer KeepAlive(Wire wire, Func<RawRequest, byte[]> respond) => Start(wire, async c =>
    {
        while (await c.ReadRequestAsync() is { } request)
            await c.WriteAsync(respond(request));
    });

    /// <summary>A server that records every request in <paramref name="seen"/> and answers each with <paramref name="respond"/>.</summary>
    public static RawServer Recording(List<RawRequest> seen, Func<RawRequest, RawConnection, Task> respond, Wire wire = Wire.Unix) =>
        Start(wire, async c =>
        {
            while (await c.ReadRequestAsync() is { } request)
            {
                lock (seen)
                    seen.Add(request);
                await respond(request, c);
            }
        });

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            _connections.Add(Task.Run(async () =>
            {
                using var connection = new RawConnection(socket);
                _open.Add(connection);
                try
                {
                    await _script(connection);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client went away: part of several tests.
                }
                catch (Exception e)
                {
                    _failures.Enqueue(e);
                }
            }));
        }
    }

    /// <summary>Waits for every connection's script to finish and rethrows the first assertion that failed in one.</summary>
    public async Task DrainAsync()
    {
        await Task.WhenAll(_connections);
        if (_failures.TryDequeue(out var failure))
            throw new Xunit.Sdk.XunitException("The server script failed: " + failure);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _acceptLoop;
        // Clients may keep pooled connections open (HttpClientFactory does): close them, ending their scripts.
        foreach (var connection in _open)
            connection.Dispose();
        await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(30));
        if (_socketPath is not null)
            File.Delete(_socketPath);
        _stop.Dispose();
    }
}

/// <summary>A request as the raw server read it.</summary>
internal sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
