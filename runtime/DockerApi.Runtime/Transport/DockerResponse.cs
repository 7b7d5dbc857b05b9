using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockerApi.Transport;

/// <summary>Reads daemon answers: success checks that raise <see cref="DockerApiException"/>, and JSON bodies.</summary>
public static class DockerResponse
{
    /// <summary>Bytes of an error body kept for the message; the rest is not read.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Throws <see cref="DockerApiException"/> unless the status is 2xx (or 101, a hijacked connection).</summary>
    public static async ValueTask EnsureSuccessAsync(HttpResponseMessage response, string? operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (IsSuccess(response.StatusCode))
            return;
        var exception = await CreateExceptionAsync(response, operation, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        throw exception;
    }

    /// <summary>
    /// The one rule of what answers a request: 2xx, or 101 Switching Protocols, which only a hijacked request gets
    /// (the pooled handler refuses it to any other).
    /// </summary>
    internal static bool IsSuccess(System.Net.HttpStatusCode status) =>
        (int)status is >= 200 and <= 299 || status == System.Net.HttpStatusCode.SwitchingProtocols;

    /// <summary>Builds the exception for an error answer, reading at most <see cref="MaxErrorBodyBytes"/> of its body.</summary>
    public static async Task<DockerApiException> CreateExceptionAsync(HttpResponseMessage response, string? operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        string body;
        try
        {
            body = await ReadBoundedAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        // A body that breaks off (the pooled handler raises that as a DockerException) leaves the status to report.
        catch (Exception e) when (e is IOException or HttpRequestException or DockerConnectionException or DockerProtocolException)
        {
            body = "";
        }
        var message = ParseDaemonMessage(body);
        if (message.Length == 0)
            message = $"(empty body) {response.ReasonPhrase}".TrimEnd();
        var request = response.RequestMessage;
        return new DockerApiException(response.StatusCode, message, operation, request?.Method.Method,
            request?.RequestUri is { } uri ? (uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString) : null);
    }

    /// <summary>
    /// The daemon's message in an error body: the <c>message</c> of a JSON object (modern daemons), else the text
    /// itself without its trailing newline (2013 daemons, whose errors are text/plain).
    /// </summary>
    public static string ParseDaemonMessage(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(trimmed));
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isMessage = reader.ValueTextEquals("message"u8);
                        reader.Read();
                        if (isMessage && reader.TokenType == JsonTokenType.String)
                            return reader.GetString()!;
                        reader.Skip();
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the text is the message.
            }
        }
        return trimmed;
    }

    /// <summary>
    /// Reads a JSON body whatever its Content-Type says: 2013 daemons answer create and commit with
    /// <c>text/plain</c> and a JSON body.
    /// </summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string? operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        using (response)
        {
            await EnsureSuccessAsync(response, operation, cancellationToken).ConfigureAwait(false);
            var stream = await OpenBoundedAsync(response, operation, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    return (await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false))!;
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException) // InvalidOperationException: a string that is not UTF-8
                {
                    throw new DockerProtocolException($"the answer is not the expected JSON: {e.Message}", operation, e);
                }
            }
        }
    }

    /// <summary>Reads a text body, bounded as JSON bodies are.</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, string? operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = await OpenBoundedAsync(response, operation, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The body of an answer read whole, at most <see cref="Transport.DockerTransportOptions.MaxResponseBodyBytes"/>
    /// (of the handler that received it): a larger declared length fails at once, a longer body when it gets there.
    /// </summary>
    private static async Task<Stream> OpenBoundedAsync(HttpResponseMessage response, string? operation, CancellationToken cancellationToken, long maxBytes = long.MaxValue)
    {
        var limit = Math.Min(maxBytes, (response.Content as Transport.DockerResponseContent)?.MaxBodyBytes ?? Transport.DockerTransportOptions.DefaultMaxResponseBodyBytes);
        if (response.Content.Headers.ContentLength is long declared && declared > limit)
            throw Streams.LimitedStream.TooLarge(declared, limit, operation);
        return new Streams.LimitedStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), limit, operation);
    }

    /// <summary>
    /// A successful answer's JSON as a document, for code that reads it without a generated type: bounded as every answer
    /// read whole (and by <paramref name="maxBytes"/> when that is smaller); bytes that are not JSON are a
    /// <see cref="DockerProtocolException"/>.
    /// </summary>
    internal static async Task<JsonDocument> ReadDocumentAsync(HttpResponseMessage response, string? operation, CancellationToken cancellationToken,
        long maxBytes = long.MaxValue)
    {
        await EnsureSuccessAsync(response, operation, cancellationToken).ConfigureAwait(false);
        var stream = await OpenBoundedAsync(response, operation, cancellationToken, maxBytes).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new DockerProtocolException($"the answer is not JSON: {e.Message}", operation, e);
            }
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(maxBytes);
            try
            {
                var total = 0;
                int read;
                while (total < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, maxBytes - total), cancellationToken).ConfigureAwait(false)) > 0)
                    total += read;
                return Encoding.UTF8.GetString(buffer, 0, total);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
