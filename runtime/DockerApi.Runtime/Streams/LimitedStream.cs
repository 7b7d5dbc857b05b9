namespace DockerApi.Streams;

/// <summary>
/// A read-only view of an answer that raises <see cref="DockerProtocolException"/> once more than a set number of
/// bytes has come: answers read whole are bounded, so a hostile or broken daemon cannot exhaust memory.
/// </summary>
internal sealed class LimitedStream(Stream inner, long maxBytes, string? operation) : ForwardOnlyStream
{
    private long _total;


    /// <summary>The error for an answer of <paramref name="bytes"/> (or more) over <paramref name="maxBytes"/>.</summary>
    public static DockerProtocolException TooLarge(long bytes, long maxBytes, string? operation, bool atLeast = false) =>
        new($"the answer is {(atLeast ? "more than " : "")}{bytes} bytes, over the limit of {maxBytes} (DockerTransportOptions.MaxResponseBodyBytes)", operation);

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _total += read;
        if (_total > maxBytes)
            throw TooLarge(maxBytes, maxBytes, operation, atLeast: true);
        return read;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
