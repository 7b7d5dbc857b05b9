using System.Text;

namespace DockerApi.Tests;

/// <summary>Exact response bytes, as a 2013 daemon wrote them.</summary>
internal static class Http
{
    public static byte[] Response(int status, string reason, string body, string? contentType = "text/plain; charset=utf-8") =>
        Response(status, reason, Encoding.UTF8.GetBytes(body), contentType);

    public static byte[] Response(int status, string reason, byte[] bytes, string? contentType)
    {
        var head = $"HTTP/1.1 {status} {reason}\r\n" + (contentType is null ? "" : $"Content-Type: {contentType}\r\n") +
                   $"Content-Length: {bytes.Length}\r\nDate: Thu, 20 Jun 2013 12:00:00 GMT\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. bytes];
    }

    public const string ChunkedHead = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

    public const string TextChunkedHead = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n";

    public const string RawStreamHead = "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n";
}
