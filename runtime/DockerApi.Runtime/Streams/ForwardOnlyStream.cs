namespace DockerApi.Streams;

/// <summary>
/// The base of the runtime's forward-only views of an answer (a body, one output stream, a bounded body): what they
/// do not support, said once. Subclasses read; <see cref="Write(byte[], int, int)"/> is refused unless they override it.
/// </summary>
internal abstract class ForwardOnlyStream : Stream
{
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
