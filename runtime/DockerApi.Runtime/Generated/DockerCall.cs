using System.ComponentModel;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using DockerApi.Streams;
using DockerApi.Transport;

namespace DockerApi.Generated;

/// <summary>
/// Sends a request and reads its answer in the shape an operation declares. Generated clients call these; every
/// error status raises <see cref="DockerApiException"/> with the daemon's message.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DockerCall
{
    /// <summary>
    /// Marks <paramref name="request"/> as needing API <paramref name="version"/> (<c>x-docker-since</c> of the
    /// operation or of a parameter given a value); the newest of several marks counts. <see cref="ApiVersionHandler"/>
    /// refuses it with <see cref="DockerVersionException"/> when its connection speaks an older version.
    /// </summary>
    public static void RequireVersion(HttpRequestMessage request, string version, string what)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(ApiVersionHandler.RequiredVersionKey, out var current) || ApiVersion.Parse(version) > ApiVersion.Parse(current.Version))
            request.Options.Set(ApiVersionHandler.RequiredVersionKey, (version, what));
    }

    /// <summary>A request whose answer has no body (204, 201 without content).</summary>
    public static Task SendAsync(HttpClient client, HttpRequestMessage request, string operation, CancellationToken cancellationToken) =>
        SendAsync(client, request, operation, notModifiedIsSuccess: false, cancellationToken);

    /// <summary>
    /// A request whose answer has no body; with <paramref name="notModifiedIsSuccess"/> (the operation lists 304 in
    /// its spec) 304 Not Modified is success too: modern daemons answer it to a start of a running container or a
    /// stop of a stopped one, which are already as asked.
    /// </summary>
    public static async Task SendAsync(HttpClient client, HttpRequestMessage request, string operation, bool notModifiedIsSuccess,
        CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(client, request, operation, cancellationToken, notModifiedIsSuccess).ConfigureAwait(false);
    }

    /// <summary>A request whose answer is JSON, read whatever its Content-Type says.</summary>
    public static async Task<T> SendJsonAsync<T>(HttpClient client, HttpRequestMessage request, JsonTypeInfo<T> typeInfo, string operation,
        CancellationToken cancellationToken)
    {
        var response = await SendCheckedAsync(client, request, operation, cancellationToken).ConfigureAwait(false);
        return await DockerResponse.ReadJsonAsync(response, typeInfo, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A request whose answer is one header (a HEAD's): its value, or null when the daemon sent none.</summary>
    public static async Task<string?> SendForHeaderAsync(HttpClient client, HttpRequestMessage request, string header, string operation,
        CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(client, request, operation, cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : null;
    }

    /// <summary>A request whose answer is text.</summary>
    public static async Task<string> SendTextAsync(HttpClient client, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(client, request, operation, cancellationToken).ConfigureAwait(false);
        return await DockerResponse.ReadTextAsync(response, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A request whose answer is a byte stream (a tar archive), returned as it arrives. Disposing it ends the response.</summary>
    public static async Task<Stream> SendStreamAsync(HttpClient client, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        var response = await SendCheckedAsync(client, request, operation, cancellationToken).ConfigureAwait(false);
        try
        {
            return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>A request whose answer is a stream of JSON messages (see <see cref="JsonStream"/>). The request is sent when enumeration starts.</summary>
    public static async IAsyncEnumerable<T> StreamJsonAsync<T>(HttpClient client, Func<HttpRequestMessage> request, JsonTypeInfo<T> typeInfo,
        Func<T, string?>? errorOf, JsonStreamOptions? options, string operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(client, request(), operation, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in JsonStream.ReadAsync(stream, typeInfo, errorOf, options, operation, cancellationToken).ConfigureAwait(false))
            yield return item;
    }

    /// <summary>A request whose answer is API 1.0 text progress (see <see cref="TextProgress"/>). The request is sent when enumeration starts.</summary>
    public static async IAsyncEnumerable<ProgressLine> StreamTextProgressAsync(HttpClient client, Func<HttpRequestMessage> request, string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(client, request(), operation, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var line in TextProgress.ReadAsync(stream, operation, cancellationToken).ConfigureAwait(false))
            yield return line;
    }

    /// <summary>A request whose answer is build output (see <see cref="BuildOutput"/>). The request is sent when enumeration starts.</summary>
    public static async IAsyncEnumerable<BuildOutputLine> StreamBuildOutputAsync(HttpClient client, Func<HttpRequestMessage> request, string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(client, request(), operation, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var line in BuildOutput.ReadAsync(stream, operation, cancellationToken).ConfigureAwait(false))
            yield return line;
    }

    /// <summary>A request whose connection is hijacked (attach): the connection is returned once the daemon accepted it.</summary>
    public static async Task<DockerHijackedStream> HijackAsync(HttpClient client, HttpRequestMessage request, HijackMode mode, string operation,
        CancellationToken cancellationToken)
    {
        request.WithHijack(mode);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await response.GetHijackedStreamAsync(operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A JSON request body, serialized with the generated (reflection-free) type info.</summary>
    public static HttpContent Json<T>(T value, JsonTypeInfo<T> typeInfo) => JsonContent.Create(value, typeInfo);

    /// <summary>The body of an optional JSON object the caller left out: <c>{}</c>, which Docker reads as the object's defaults.</summary>
    public static HttpContent EmptyJsonObject() => new ByteArrayContent("{}"u8.ToArray()) { Headers = { ContentType = new("application/json") { CharSet = "utf-8" } } };

    /// <summary>Reads every message of <paramref name="messages"/>, reporting each to <paramref name="progress"/>.</summary>
    public static async Task ConsumeAsync<T>(IAsyncEnumerable<T> messages, IProgress<T>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await foreach (var message in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
            progress?.Report(message);
    }

    private static async Task<HttpResponseMessage> SendCheckedAsync(HttpClient client, HttpRequestMessage request, string operation, CancellationToken cancellationToken,
        bool notModifiedIsSuccess = false)
    {
        HttpResponseMessage response;
        using (request)
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        if (!(notModifiedIsSuccess && response.StatusCode == System.Net.HttpStatusCode.NotModified))
            await DockerResponse.EnsureSuccessAsync(response, operation, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>A response body stream that disposes its response with it.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream inner) : ForwardOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
