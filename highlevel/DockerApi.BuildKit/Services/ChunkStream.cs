using DockerApi.BuildKit.Wire.Ssh;
using Grpc.Core;

namespace DockerApi.BuildKit.Services;

/// <summary>The bytes of a gRPC stream of <c>BytesMessage</c>s, read as one stream: the chunks' bounds mean nothing to what is inside.</summary>
internal sealed class ChunkStream(IAsyncStreamReader<BytesMessage> chunks) : Stream
{
    private ReadOnlyMemory<byte> _current;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_current.IsEmpty)
        {
            if (!await chunks.MoveNext(cancellationToken).ConfigureAwait(false))
                return 0;
            _current = chunks.Current.Data.Memory;
        }
        var count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
