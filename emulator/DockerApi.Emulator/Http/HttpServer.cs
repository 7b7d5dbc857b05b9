using System.Net;
using System.Net.Sockets;
using System.Text;
using DockerApi.Transport;

namespace DockerApi.Emulator.Http;

/// <summary>
/// A small HTTP/1.1 server over TCP or a unix socket, with keep-alive. Malformed requests and clients that
/// disconnect end their own connection only: nothing a client sends takes the server down.
/// </summary>
internal sealed class HttpServer : IAsyncDisposable
{
    public const int MaxHeadBytes = 64 * 1024;

    private readonly Socket _listener;
    private readonly Func<HttpRequest, HttpResponse, CancellationToken, Task> _handler;
    private readonly long _maxBodyBytes;
    private readonly TimeSpan _headTimeout;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly List<Socket> _open = [];
    private readonly Task _acceptLoop;

    public HttpServer(DockerEndpoint endpoint, Func<HttpRequest, HttpResponse, CancellationToken, Task> handler, long maxBodyBytes, TimeSpan headTimeout)
    {
        _handler = handler;
        _maxBodyBytes = maxBodyBytes;
        _headTimeout = headTimeout;
        if (endpoint.Kind == DockerEndpointKind.Unix)
        {
            if (File.Exists(endpoint.SocketPath))
                File.Delete(endpoint.SocketPath!);
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(endpoint.SocketPath!));
            Endpoint = endpoint;
        }
        else
        {
            var address = endpoint.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(endpoint.Host);
            _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(new IPEndPoint(address, endpoint.Port));
            var bound = (IPEndPoint)_listener.LocalEndPoint!;
            Endpoint = DockerEndpoint.Parse($"tcp://{(bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound.Address}]" : bound.Address.ToString())}:{bound.Port}");
        }
        _listener.Listen(128);
        _acceptLoop = AcceptAsync();
    }

    public DockerEndpoint Endpoint { get; }

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
            catch (SocketException)
            {
                continue;
            }
            if (socket.AddressFamily != AddressFamily.Unix)
                socket.NoDelay = true;
            lock (_connections)
            {
                _open.Add(socket);
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(Task.Run(() => ServeAsync(socket)));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = new RequestReader(stream, _maxBodyBytes, _headTimeout);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpRequest? request;
                var response = new HttpResponse(stream, socket);
                try
                {
                    request = await reader.ReadAsync(_stop.Token);
                }
                catch (BadRequestException e)
                {
                    await response.WriteTextAsync(e.Status, "text/plain; charset=utf-8", e.Message + "\n", _stop.Token);
                    return;
                }
                if (request is null)
                    return;
                await _handler(request, response, _stop.Token);
                if (response.CloseConnection || string.Equals(request.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase))
                    return;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
        catch (Exception)
        {
            // A route failed after its answer had begun (the router answers the others with a 500): the connection
            // closes with the answer cut, as a daemon's would, and the server goes on serving (and stops cleanly).
        }
        finally
        {
            lock (_connections)
                _open.Remove(socket);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _acceptLoop;
        Task[] running;
        lock (_connections)
        {
            foreach (var socket in _open)
                socket.Dispose();
            running = [.. _connections];
        }
        await Task.WhenAll(running);
        if (Endpoint.Kind == DockerEndpointKind.Unix && File.Exists(Endpoint.SocketPath))
            File.Delete(Endpoint.SocketPath!);
        _stop.Dispose();
    }

    /// <summary>Reads requests off one connection: head, then a body by Content-Length or chunked.</summary>
    private sealed class RequestReader(Stream stream, long maxBodyBytes, TimeSpan headTimeout)
    {
        private byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task<HttpRequest?> ReadAsync(CancellationToken cancellationToken)
        {
            int headEnd;
            // The head must arrive within the timeout (the body may take as long as it needs): no slowloris.
            using (var headTime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                headTime.CancelAfter(headTimeout);
                headEnd = await FillUntilAsync("\r\n\r\n"u8.ToArray(), MaxHeadBytes, headTime.Token);
            }
            if (headEnd < 0)
                return null;
            // The head may have come whole in one read: its size is checked here too, not only while waiting.
            if (headEnd - _start > MaxHeadBytes)
                throw HeadTooLarge();
            var head = Encoding.Latin1.GetString(_buffer, _start, headEnd - _start);
            _start = headEnd + 4;
            var lines = head.Split("\r\n");
            var first = lines[0].Split(' ');
            if (first.Length != 3 || !first[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
                throw new BadRequestException(400, "400 Bad Request: malformed request line");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon <= 0)
                    throw new BadRequestException(400, "400 Bad Request: malformed header line");
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            var target = first[1];
            var question = target.IndexOf('?');
            var rawPath = question < 0 ? target : target[..question];
            var query = question < 0 ? "" : target[(question + 1)..];
            byte[] body;
            if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                body = await ReadChunkedAsync(cancellationToken);
            else if (headers.TryGetValue("Content-Length", out var length) && long.TryParse(length, out var n) && n > 0)
                body = n > maxBodyBytes ? throw new BadRequestException(413, "Request body too large") : await ReadExactlyAsync((int)n, cancellationToken);
            else
                body = [];
            string path;
            try
            {
                path = Uri.UnescapeDataString(rawPath);
            }
            catch (UriFormatException)
            {
                throw new BadRequestException(400, "400 Bad Request: malformed path");
            }
            return new HttpRequest(first[0], path, query, headers, body);
        }

        private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
        {
            using var body = new MemoryStream();
            while (true)
            {
                var lineEnd = await FillUntilAsync("\r\n"u8.ToArray(), 1024, cancellationToken);
                if (lineEnd < 0)
                    throw new IOException("the client closed inside a chunked body");
                var sizeText = Encoding.ASCII.GetString(_buffer, _start, lineEnd - _start).Split(';')[0].Trim();
                _start = lineEnd + 2;
                if (!long.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size < 0)
                    throw new BadRequestException(400, "400 Bad Request: malformed chunk");
                // Checked before the chunk is read: a size near int.MaxValue must not overflow into a negative count.
                if (size > maxBodyBytes - body.Length || size > int.MaxValue - 2)
                    throw new BadRequestException(413, "Request body too large");
                var data = await ReadExactlyAsync((int)size + 2, cancellationToken);
                if (size == 0)
                    return body.ToArray();
                body.Write(data, 0, (int)size);
            }
        }

        private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            var copied = 0;
            while (copied < count)
            {
                if (_start == _end && !await ReadMoreAsync(cancellationToken))
                    throw new IOException("the client closed inside a body");
                var n = Math.Min(count - copied, _end - _start);
                Array.Copy(_buffer, _start, result, copied, n);
                _start += n;
                copied += n;
            }
            return result;
        }

        /// <summary>The index where <paramref name="delimiter"/> starts; -1 when the client closed before any byte.</summary>
        private async Task<int> FillUntilAsync(byte[] delimiter, int limit, CancellationToken cancellationToken)
        {
            while (true)
            {
                var index = _buffer.AsSpan(_start, _end - _start).IndexOf(delimiter);
                if (index >= 0)
                    return _start + index;
                if (_end - _start > limit)
                    throw HeadTooLarge();
                if (!await ReadMoreAsync(cancellationToken))
                {
                    if (_end == _start)
                        return -1;
                    throw new IOException("the client closed inside a request head");
                }
            }
        }

        // Go's net/http of 2013 answered an oversized head with 413 and closed the connection.
        private static BadRequestException HeadTooLarge() => new(413, "Request Entity Too Large");

        private async Task<bool> ReadMoreAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
                Array.Resize(ref _buffer, _buffer.Length * 2);
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _end += read;
            return read > 0;
        }
    }
}

/// <summary>A request the server cannot read; answered with <see cref="Status"/> and the connection closed.</summary>
internal sealed class BadRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
