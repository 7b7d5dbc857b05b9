namespace DockerApi.Streams;

/// <summary>
/// A forward-only stream whose one real read is <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>: the array
/// overloads go through it, the synchronous one blocking on it (for callers that only read synchronously, such as
/// <c>TarReader.GetNextEntry</c>).
/// </summary>
internal abstract class AsyncReadStream : ForwardOnlyStream
{
    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public sealed override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public sealed override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
}
