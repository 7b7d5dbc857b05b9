using System.Net.Sockets;

namespace DockerApi.Transport;

/// <summary>
/// A hijacked connection after its response head: read the container's output, write its input,
/// <see cref="CloseWrite"/> when there is no more input, and dispose to close the connection.
/// One read and one write may run at the same time.
/// </summary>
public sealed class DockerHijackedStream : Stream
{
    private readonly Connections.ConnectionStream _connection;
    private readonly Stream _network; // the connection, its failures raised as DockerExceptions
    private readonly byte[] _leftover;
    private int _leftoverOffset;

    internal DockerHijackedStream(Connections.ConnectionStream connection, DockerEndpoint endpoint, byte[] leftover, int leftoverCount, System.Net.HttpStatusCode statusCode)
    {
        _connection = connection;
        _network = new GuardedStream(connection, endpoint);
        _leftover = leftover.AsSpan(0, leftoverCount).ToArray();
        StatusCode = statusCode;
    }

    /// <summary>The status of the head before the hijack: 200 (2013 daemons) or 101 (an upgrade to tcp).</summary>
    public System.Net.HttpStatusCode StatusCode { get; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Half-closes the connection (TCP FIN / shutdown of the socket's send side; TLS close_notify first; the end of
    /// ssh's input): the daemon sees the end of stdin, while the output can still be read to its end.
    /// </summary>
    public void CloseWrite()
    {
        try
        {
            _connection.CloseWrite();
        }
        catch (Exception e) when (e is SocketException or IOException or NotSupportedException or ObjectDisposedException)
        {
            throw new DockerConnectionException("the hijacked connection could not be half-closed: " + e.Message, null, null, e);
        }
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) =>
        TakeLeftover(buffer) is var taken and > 0 ? taken : _network.Read(buffer);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        TakeLeftover(buffer.Span) is var taken and > 0 ? new(taken) : _network.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => _network.Write(buffer, offset, count);

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => _network.Write(buffer);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _network.WriteAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _network.WriteAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _network.Dispose();
        base.Dispose(disposing);
    }

    // Bytes that arrived in the same read as the response head come first.
    private int TakeLeftover(Span<byte> destination)
    {
        var remaining = _leftover.Length - _leftoverOffset;
        if (remaining == 0 || destination.IsEmpty)
            return 0;
        var n = Math.Min(remaining, destination.Length);
        _leftover.AsSpan(_leftoverOffset, n).CopyTo(destination);
        _leftoverOffset += n;
        return n;
    }
}
