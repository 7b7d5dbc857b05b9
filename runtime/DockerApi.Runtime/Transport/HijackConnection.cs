using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DockerApi.Generated;

namespace DockerApi.Transport;

/// <summary>
/// Sends one request on a dedicated connection, written by hand, and reads the response head. A 2xx or 101
/// answer hands the connection over as a <see cref="DockerHijackedStream"/>; any other answer is read as an
/// ordinary response and the connection closed.
/// </summary>
internal static class HijackConnection
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    public static async Task<HttpResponseMessage> SendAsync(DockerEndpoint endpoint, HttpRequestMessage request, HijackMode mode,
        int maxHeadBytes, TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(endpoint, connectTimeout, cancellationToken).ConfigureAwait(false);
        var handedOver = false;
        try
        {
            await WriteRequestAsync(connection, request, mode, endpoint, cancellationToken).ConfigureAwait(false);
            var (buffer, headLength, received) = await ReadHeadAsync(connection, maxHeadBytes, cancellationToken).ConfigureAwait(false);
            var response = ParseHead(buffer.AsSpan(0, headLength), request);
            var leftover = received - headLength;

            if (DockerResponse.IsSuccess(response.StatusCode))
            {
                var stream = new DockerHijackedStream(connection, endpoint, buffer.AsSpan(headLength).ToArray(), leftover, response.StatusCode);
                handedOver = true;
                var content = new HijackedContent(stream);
                MoveContentHeaders(response, content);
                response.Content = content;
                return response;
            }

            var body = await ReadErrorBodyAsync(connection, response, buffer.AsMemory(headLength, leftover), cancellationToken).ConfigureAwait(false);
            var errorContent = new ByteArrayContent(body);
            MoveContentHeaders(response, errorContent);
            response.Content = errorContent;
            return response;
        }
        finally
        {
            if (!handedOver)
                await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Opens the dedicated connection within the transport's connect timeout, as the pooled handler does its own.</summary>
    private static async Task<Connections.ConnectionStream> OpenAsync(DockerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(timeout);
        try
        {
            return await Connections.Connector.OpenAsync(endpoint, connect.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw TransportErrors.ConnectTimedOut(endpoint, timeout, e);
        }
    }

    private static async Task WriteRequestAsync(Stream connection, HttpRequestMessage request, HijackMode mode, DockerEndpoint endpoint,
        CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var target = uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped) : uri.OriginalString;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        var head = new StringBuilder();
        head.Append(request.Method.Method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(endpoint.BaseAddress.Authority).Append("\r\n");
        AppendHeaders(head, request.Headers, skip: ["Host", "Connection", "Upgrade", "Content-Length", "Transfer-Encoding"]);
        if (request.Content is not null)
            AppendHeaders(head, request.Content.Headers, skip: ["Content-Length"]);
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        if (mode == HijackMode.UpgradeTcp)
            head.Append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
        else if (mode == HijackMode.UpgradeH2c)
            head.Append("Connection: Upgrade\r\nUpgrade: h2c\r\n");
        head.Append("\r\n");

        // One write: a daemon that answers and closes as soon as it has read the head must not meet a
        // second (even empty) send, which would fail with a broken pipe instead of letting us read its answer.
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        var message = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(message, 0);
        body.CopyTo(message, headBytes.Length);
        await connection.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AppendHeaders(StringBuilder head, HttpHeaders headers, string[] skip)
    {
        foreach (var header in headers.NonValidated)
        {
            if (skip.Contains(header.Key, StringComparer.OrdinalIgnoreCase))
                continue;
            foreach (var value in header.Value)
            {
                HeaderValues.EnsureSafe(header.Key, value);
                head.Append(header.Key).Append(": ").Append(value).Append("\r\n");
            }
        }
    }

    /// <summary>Reads until the blank line that ends the head; returns the buffer, the head's length and all bytes read.</summary>
    private static async Task<(byte[] Buffer, int HeadLength, int Received)> ReadHeadAsync(Stream connection, int maxHeadBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(4096, maxHeadBytes + 4)];
        var received = 0;
        while (true)
        {
            if (received == buffer.Length)
            {
                if (buffer.Length >= maxHeadBytes)
                    throw new DockerProtocolException($"the response head is larger than {maxHeadBytes} bytes");
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxHeadBytes + 4));
            }
            var read = await connection.ReadAsync(buffer.AsMemory(received), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new DockerProtocolException(received == 0
                    ? "the daemon closed the connection without answering"
                    : $"the daemon closed the connection inside the response head after {received} bytes");
            }
            // The blank line may straddle two reads: search from just before the new bytes.
            var from = Math.Max(0, received - 3);
            received += read;
            var end = buffer.AsSpan(from, received - from).IndexOf(HeadEnd);
            if (end >= 0)
                return (buffer, from + end + HeadEnd.Length, received);
        }
    }

    private static HttpResponseMessage ParseHead(ReadOnlySpan<byte> head, HttpRequestMessage request)
    {
        var text = Encoding.Latin1.GetString(head);
        var lines = text.Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || statusLine[1].Length != 3 || statusLine[1][0] == '0'
            || !int.TryParse(statusLine[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            throw new DockerProtocolException($"the response does not start with an HTTP/1.x status line: '{Truncate(lines[0])}'");
        }
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            ReasonPhrase = statusLine.Length > 2 ? statusLine[2] : "",
            RequestMessage = request,
            Version = HttpVersion.Version11,
            Content = new ByteArrayContent([]),
        };
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
                continue;
            var colon = line.IndexOf(':');
            if (colon <= 0)
                throw new DockerProtocolException($"malformed header line in the response head: '{Truncate(line)}'");
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (!response.Headers.TryAddWithoutValidation(name, value))
                response.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }

    private static async Task<byte[]> ReadErrorBodyAsync(Stream connection, HttpResponseMessage response, ReadOnlyMemory<byte> leftover,
        CancellationToken cancellationToken)
    {
        var limit = DockerResponse.MaxErrorBodyBytes;
        var length = response.Content.Headers.ContentLength;
        var chunked = response.Headers.TransferEncodingChunked == true;
        using var raw = new MemoryStream();
        raw.Write(leftover.Span);
        var buffer = new byte[8192];
        // Read what the head announces, or until close; never more than the bound (plus chunk framing).
        while ((length is null || raw.Length < length) && raw.Length < limit + 1024 && !(chunked && EndsChunked(raw)))
        {
            var read = await connection.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            raw.Write(buffer, 0, read);
        }
        var bytes = raw.ToArray();
        if (chunked)
            bytes = Dechunk(bytes);
        return bytes.Length > limit ? bytes[..limit] : length is { } n && n < bytes.Length ? bytes[..(int)n] : bytes;
    }

    private static bool EndsChunked(MemoryStream raw) =>
        raw.Length >= 5 && raw.GetBuffer().AsSpan(0, (int)raw.Length).EndsWith("0\r\n\r\n"u8);

    private static byte[] Dechunk(byte[] raw)
    {
        using var body = new MemoryStream();
        var position = 0;
        while (position < raw.Length)
        {
            var lineEnd = raw.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
                break;
            var sizeText = Encoding.ASCII.GetString(raw, position, lineEnd).Split(';')[0].Trim();
            // Unsigned, so that FFFFFFFF is a huge size (cut to what arrived below), never a negative one.
            if (!uint.TryParse(sizeText, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var size) || size == 0)
                break;
            position += lineEnd + 2;
            var take = (int)Math.Min(size, (uint)(raw.Length - position));
            body.Write(raw, position, take);
            position += take + 2;
        }
        return body.ToArray();
    }

    private static void MoveContentHeaders(HttpResponseMessage response, HttpContent content)
    {
        foreach (var header in response.Content.Headers.NonValidated)
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content.Dispose();
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
