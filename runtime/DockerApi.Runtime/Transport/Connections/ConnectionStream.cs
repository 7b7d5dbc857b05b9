namespace DockerApi.Transport.Connections;

/// <summary>
/// One connection to a daemon, whatever carries it (a socket, TLS, an ssh process, a named pipe): a duplex stream
/// that can also end its sending side while the answer is still read (stdin's end for attach and exec).
/// </summary>
internal sealed class ConnectionStream(Stream read, Stream write, Action closeWrite, IDisposable? owner = null) : Stream
{
    private int _disposed;

    /// <summary>Ends the sending side; the daemon sees the end of input, the output can still be read.</summary>
    public void CloseWrite() => closeWrite();

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => read.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => read.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        read.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => read.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => write.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => write.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        write.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => write.WriteAsync(buffer, cancellationToken);

    public override void Flush() => write.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => write.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            write.Dispose();
            if (!ReferenceEquals(read, write))
                read.Dispose();
            owner?.Dispose();
        }
        base.Dispose(disposing);
    }
}
