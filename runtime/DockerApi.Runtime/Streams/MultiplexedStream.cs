using System.Buffers.Binary;

namespace DockerApi.Streams;

/// <summary>Which stream a multiplexed frame belongs to (the first byte of its header).</summary>
public enum StdStream
{
    /// <summary>Standard input (written back by some daemons).</summary>
    Stdin = 0,

    /// <summary>Standard output.</summary>
    Stdout = 1,

    /// <summary>Standard error.</summary>
    Stderr = 2,

    /// <summary>An error of the daemon itself (API 1.41+ for exec).</summary>
    SystemError = 3,
}

/// <summary>The outcome of one <see cref="MultiplexedStream.ReadAsync"/>.</summary>
/// <param name="Target">The stream the bytes belong to.</param>
/// <param name="Count">How many bytes were read; 0 at the end of the stream.</param>
public readonly record struct MultiplexedReadResult(StdStream Target, int Count)
{
    /// <summary>True at the end of the stream.</summary>
    public bool IsEnd => Count == 0;
}

/// <summary>
/// Reads output multiplexed with 8-byte frame headers (API 1.6 and later, containers without a TTY):
/// byte 0 is the stream, bytes 4–7 the payload length, big-endian. The raw stream of API 1.0 – 1.2 has no frames.
/// </summary>
public sealed class MultiplexedStream(Stream inner, string? operation = null)
{
    private readonly byte[] _header = new byte[8];
    private StdStream _target;
    private int _remaining;

    /// <summary>The connection underneath, for writing stdin.</summary>
    public Stream Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>Reads bytes of one frame into <paramref name="buffer"/>; a count of 0 is the end of the stream.</summary>
    public async ValueTask<MultiplexedReadResult> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_remaining == 0)
        {
            if (!await ReadHeaderAsync(cancellationToken).ConfigureAwait(false))
                return new MultiplexedReadResult(StdStream.Stdout, 0);
        }
        var read = await Inner.ReadAsync(buffer[..Math.Min(buffer.Length, _remaining)], cancellationToken).ConfigureAwait(false);
        if (read == 0)
            throw new DockerProtocolException($"the stream ended inside a frame, {_remaining} bytes short", operation);
        _remaining -= read;
        return new MultiplexedReadResult(_target, read);
    }

    /// <summary>Copies stdout and stderr to their destinations until the stream ends.</summary>
    public async Task CopyOutputToAsync(Stream stdout, Stream stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var buffer = new byte[81920];
        while (true)
        {
            var result = await ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.IsEnd)
                return;
            var destination = result.Target == StdStream.Stderr || result.Target == StdStream.SystemError ? stderr : stdout;
            await destination.WriteAsync(buffer.AsMemory(0, result.Count), cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < _header.Length)
        {
            var read = await Inner.ReadAsync(_header.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (filled == 0)
                    return false;
                throw new DockerProtocolException($"the stream ended inside a frame header after {filled} of 8 bytes", operation);
            }
            filled += read;
        }
        if (_header[0] > 3 || _header[1] != 0 || _header[2] != 0 || _header[3] != 0)
            throw new DockerProtocolException($"not a frame header: {Convert.ToHexString(_header)}", operation);
        _target = (StdStream)_header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
        _remaining = length > int.MaxValue ? throw new DockerProtocolException($"a frame of {length} bytes is too large", operation) : (int)length;
        return true;
    }
}
