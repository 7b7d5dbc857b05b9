using System.Net.Sockets;
using System.Text;

namespace DockerApi.Tests;

/// <summary>One connection of <see cref="RawServer"/>: read requests, write exact bytes.</summary>
internal sealed class RawConnection(Socket socket) : IDisposable
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private byte[] _pending = [];

    public Socket Socket { get; } = socket;

    /// <summary>Reads one request (head and body by Content-Length or chunked); null when the client closed.</summary>
    public async Task<RawRequest?> ReadRequestAsync()
    {
        var head = await ReadUntilAsync("\r\n\r\n"u8.ToArray());
        if (head is null)
            return null;
        var lines = Encoding.ASCII.GetString(head).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        byte[] body = [];
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body = await ReadExactlyAsync(int.Parse(length));
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var all = new MemoryStream();
            while (true)
            {
                var sizeLine = await ReadUntilAsync("\r\n"u8.ToArray()) ?? throw new IOException("chunked body cut");
                var size = Convert.ToInt32(Encoding.ASCII.GetString(sizeLine).Trim().Split(';')[0], 16);
                var chunk = await ReadExactlyAsync(size + 2);
                if (size == 0)
                    break;
                all.Write(chunk, 0, size);
            }
            body = all.ToArray();
        }
        return new RawRequest(start[0], start[1], headers, body);
    }

    /// <summary>Reads raw bytes after the request head (stdin of a hijacked connection); 0 at end.</summary>
    public async Task<int> ReadAsync(Memory<byte> buffer)
    {
        if (_pending.Length > 0)
        {
            var n = Math.Min(buffer.Length, _pending.Length);
            _pending.AsMemory(0, n).CopyTo(buffer);
            _pending = _pending[n..];
            return n;
        }
        return await _stream.ReadAsync(buffer);
    }

    public Task WriteAsync(string ascii) => WriteAsync(Encoding.UTF8.GetBytes(ascii));

    public async Task WriteAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Writes one chunk of a chunked body.</summary>
    public Task WriteChunkAsync(string text) => WriteChunkAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteChunkAsync(byte[] data)
    {
        await WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"));
        await WriteAsync(data);
        await WriteAsync("\r\n"u8.ToArray());
    }

    public Task EndChunksAsync() => WriteAsync("0\r\n\r\n");

    /// <summary>Half-closes the server side: the client reads its end of stream.</summary>
    public void ShutdownSend() => Socket.Shutdown(SocketShutdown.Send);

    public void Dispose() => _stream.Dispose();

    private async Task<byte[]?> ReadUntilAsync(byte[] delimiter)
    {
        var buffer = new byte[4096];
        while (true)
        {
            var index = _pending.AsSpan().IndexOf(delimiter);
            if (index >= 0)
            {
                var result = _pending[..index];
                _pending = _pending[(index + delimiter.Length)..];
                return result;
            }
            var read = await _stream.ReadAsync(buffer);
            if (read == 0)
                return null;
            _pending = [.. _pending, .. buffer.AsSpan(0, read)];
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        var buffer = new byte[4096];
        while (_pending.Length < count)
        {
            var read = await _stream.ReadAsync(buffer);
            if (read == 0)
                throw new IOException("body cut");
            _pending = [.. _pending, .. buffer.AsSpan(0, read)];
        }
        var result = _pending[..count];
        _pending = _pending[count..];
        return result;
    }
}
