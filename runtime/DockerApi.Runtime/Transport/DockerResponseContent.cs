using System.Globalization;
using System.Net;
using DockerApi.Streams;

namespace DockerApi.Transport;

/// <summary>
/// The body of every pooled answer, as <see cref="DockerHttpHandler"/> hands it up: reads whose transport fails raise
/// <see cref="DockerException"/>s (see <see cref="TransportErrors"/>), and it carries the body bound that
/// <see cref="DockerResponse"/> applies to answers it reads whole.
/// </summary>
internal sealed class DockerResponseContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly DockerEndpoint _endpoint;

    public DockerResponseContent(HttpContent inner, DockerEndpoint endpoint, long maxBodyBytes)
    {
        _inner = inner;
        _endpoint = endpoint;
        MaxBodyBytes = maxBodyBytes;
        foreach (var header in inner.Headers.NonValidated)
            Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    /// <summary>The most bytes an answer read whole may have (<see cref="DockerTransportOptions.MaxResponseBodyBytes"/>).</summary>
    public long MaxBodyBytes { get; }

    /// <summary>Refuses a Content-Length that is not one non-negative number: .NET ignores it and reads to the close.</summary>
    public static void CheckContentLength(HttpContent content, DockerEndpoint endpoint)
    {
        if (!content.Headers.NonValidated.TryGetValues("Content-Length", out var values))
            return;
        var count = 0;
        foreach (var value in values)
        {
            if (++count > 1 || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                throw new DockerProtocolException($"the answer of the daemon at {endpoint} has an invalid Content-Length");
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new GuardedStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _endpoint);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A stream of a connection whose transport failures surface as <see cref="DockerException"/>s.</summary>
internal sealed class GuardedStream(Stream inner, DockerEndpoint endpoint) : ForwardOnlyStream
{
    public override bool CanWrite => inner.CanWrite;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (Exception e) when (e is not DockerException && TransportErrors.Translate(e, endpoint) is DockerException translated)
        {
            throw translated;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ValueTask<int> read;
        try
        {
            read = inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is not DockerException && TransportErrors.Translate(e, endpoint) is DockerException translated)
        {
            throw translated;
        }
        // Most reads complete at once: no state machine for them.
        return read.IsCompletedSuccessfully ? read : AwaitAsync(read);
    }

    private async ValueTask<int> AwaitAsync(ValueTask<int> read)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not DockerException && TransportErrors.Translate(e, endpoint) is DockerException translated)
        {
            throw translated;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (e is not DockerException && TransportErrors.Translate(e, endpoint) is DockerException translated)
        {
            throw translated;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not DockerException && TransportErrors.Translate(e, endpoint) is DockerException translated)
        {
            throw translated;
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
