using System.Net.Sockets;
using System.Text;

namespace DockerApi.Emulator.Http;

/// <summary>
/// Writes one answer the way Go's net/http of 2013 did: a body with Content-Length, or a chunked stream flushed
/// message by message, or — for attach — a hand-written head after which the connection is raw.
/// </summary>
internal sealed class HttpResponse(Stream connection, Socket socket)
{
    private bool _chunked;

    public bool Started { get; private set; }

    /// <summary>True once the connection was hijacked or is to be closed after this answer.</summary>
    public bool CloseConnection { get; private set; }

    public Stream Connection { get; } = connection;

    public Socket Socket { get; } = socket;

    /// <summary>A complete answer with a body. A null content type writes no Content-Type header.</summary>
    public async Task WriteAsync(int status, string? contentType, byte[] body, CancellationToken cancellationToken, string? location = null)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        if (location is not null)
            head.Append("Location: ").Append(location).Append("\r\n");
        if (contentType is not null)
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        head.Append("Date: ").Append(DateTime.UtcNow.ToString("R")).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        Started = true;
        await Connection.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()).Concat(body).ToArray(), cancellationToken);
    }

    public Task WriteTextAsync(int status, string contentType, string body, CancellationToken cancellationToken) =>
        WriteAsync(status, contentType, Encoding.UTF8.GetBytes(body), cancellationToken);

    /// <summary>Starts a chunked 200 answer; each chunk written after it is flushed at once.</summary>
    public async Task StartChunkedAsync(string contentType, CancellationToken cancellationToken)
    {
        _chunked = true;
        Started = true;
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nDate: {DateTime.UtcNow:R}\r\nTransfer-Encoding: chunked\r\n\r\n";
        await Connection.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
    }

    public async Task WriteChunkAsync(byte[] data, CancellationToken cancellationToken)
    {
        if (data.Length == 0)
            return;
        await Connection.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n").Concat(data).Concat("\r\n"u8.ToArray()).ToArray(), cancellationToken);
        await Connection.FlushAsync(cancellationToken);
    }

    public Task WriteChunkAsync(string text, CancellationToken cancellationToken) => WriteChunkAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    public async Task EndAsync(CancellationToken cancellationToken)
    {
        if (_chunked)
            await Connection.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>Writes the attach head by hand (no length, no date) and hands over the raw connection.</summary>
    public async Task<Stream> HijackAsync(CancellationToken cancellationToken)
    {
        Started = true;
        CloseConnection = true;
        await Connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n"u8.ToArray(), cancellationToken);
        return Connection;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        301 => "Moved Permanently",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        406 => "Not Acceptable",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        _ => "Internal Server Error",
    };
}
