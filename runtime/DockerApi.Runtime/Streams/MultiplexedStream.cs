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

/// <summary>One line of a container's output, without its line break.</summary>
/// <param name="Stream">Where the line was written.</param>
/// <param name="Text">The text, UTF-8 decoded.</param>
public readonly record struct OutputLine(StdStream Stream, string Text);

/// <summary>
/// Reads a container's output from attach, logs or exec. Without a TTY it is multiplexed with 8-byte frame headers
/// (API 1.6 and later): byte 0 is the stream, bytes 4–7 the payload length, big-endian. With a TTY (and on
/// API 1.0 – 1.2) there are no frames: pass <c>tty: true</c> and every byte is stdout.
/// </summary>
/// <param name="inner">The response or hijacked stream.</param>
/// <param name="operation">The operation, for errors.</param>
/// <param name="tty">True when the container or exec has a TTY: the output is raw.</param>
public sealed class MultiplexedStream(Stream inner, string? operation = null, bool tty = false) : IDisposable, IAsyncDisposable
{
    /// <summary>A line longer than this many characters is delivered in pieces of this size, so memory stays bounded.</summary>
    public const int MaxLineLength = 1 << 20;

    private readonly byte[] _header = new byte[8];
    private StdStream _target;
    private int _remaining;

    /// <summary>The connection underneath, for writing stdin.</summary>
    public Stream Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>True when the output is raw (a TTY), not framed.</summary>
    public bool IsTty { get; } = tty;

    /// <summary>Closes the connection underneath (<see cref="Inner"/>): the reader owns it.</summary>
    public void Dispose() => Inner.Dispose();

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync() => Inner.DisposeAsync();

    /// <summary>Reads bytes of one frame into <paramref name="buffer"/>; a count of 0 is the end of the stream.</summary>
    public async ValueTask<MultiplexedReadResult> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (IsTty)
            return new MultiplexedReadResult(StdStream.Stdout, await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
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

    /// <summary>
    /// A read-only <see cref="Stream"/> of one target's bytes (stdout by default), for <c>CopyToAsync</c>, a
    /// <see cref="StreamReader"/> or a tar reader. Bytes of the other targets go to <paramref name="others"/> as they
    /// come, or are dropped when it is null. Disposing the view disposes the connection.
    /// </summary>
    public Stream AsStream(StdStream target = StdStream.Stdout, Stream? others = null) => new TargetStream(this, target, others);

    /// <summary>Reads the output to its end: stdout and stderr apart (a daemon's own error counts as stderr).</summary>
    public async Task<(string Stdout, string Stderr)> ReadToEndAsync(CancellationToken cancellationToken = default)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        await CopyOutputToAsync(stdout, stderr, cancellationToken).ConfigureAwait(false);
        return (System.Text.Encoding.UTF8.GetString(stdout.GetBuffer(), 0, (int)stdout.Length),
            System.Text.Encoding.UTF8.GetString(stderr.GetBuffer(), 0, (int)stderr.Length));
    }

    /// <summary>
    /// The output line by line as it arrives, each stream's lines kept apart (a line may span frames). Line breaks
    /// (<c>\n</c>, <c>\r\n</c>) are removed; a last line without one is delivered at the end.
    /// </summary>
    public async IAsyncEnumerable<OutputLine> ReadLinesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pending = new Dictionary<StdStream, (System.Text.Decoder Decoder, System.Text.StringBuilder Text)>();
        var buffer = new byte[16384];
        var chars = new char[System.Text.Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var lines = new List<OutputLine>();
        while (true)
        {
            var result = await ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.IsEnd)
                break;
            if (!pending.TryGetValue(result.Target, out var line))
                pending[result.Target] = line = (System.Text.Encoding.UTF8.GetDecoder(), new System.Text.StringBuilder());
            var count = line.Decoder.GetChars(buffer, 0, result.Count, chars, 0);
            Split(result.Target, line.Text, chars.AsSpan(0, count), lines);
            foreach (var complete in lines)
                yield return complete;
            lines.Clear();
        }
        foreach (var (target, line) in pending.OrderBy(p => p.Key))
        {
            var count = line.Decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
            line.Text.Append(chars, 0, count);
            if (line.Text.Length > 0)
                yield return new OutputLine(target, line.Text.ToString());
        }
    }

    private static void Split(StdStream target, System.Text.StringBuilder text, ReadOnlySpan<char> chars, List<OutputLine> lines)
    {
        while (!chars.IsEmpty)
        {
            var newline = chars.IndexOf('\n');
            var room = MaxLineLength - text.Length;
            if (newline < 0 || newline > room)
            {
                var take = Math.Min(chars.Length, room);
                text.Append(chars[..take]);
                chars = chars[take..];
                if (text.Length == MaxLineLength)
                    lines.Add(Take(target, text));
                continue;
            }
            text.Append(chars[..newline]);
            if (text.Length > 0 && text[^1] == '\r')
                text.Length--;
            lines.Add(Take(target, text));
            chars = chars[(newline + 1)..];
        }
    }

    private static OutputLine Take(StdStream target, System.Text.StringBuilder text)
    {
        var line = new OutputLine(target, text.ToString());
        text.Clear();
        return line;
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
            // The usual cause: a container with a TTY, whose output is one raw stream; the bytes are then its text.
            throw new DockerProtocolException($"not a frame header: {Convert.ToHexString(_header)} ('{Printable(_header)}'); if the container "
                + "has a TTY its output is not multiplexed: read it with tty: true (the container's Config.Tty says which)", operation);
        _target = (StdStream)_header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
        _remaining = length > int.MaxValue ? throw new DockerProtocolException($"a frame of {length} bytes is too large", operation) : (int)length;
        return true;
    }

    private sealed class TargetStream(MultiplexedStream output, StdStream target, Stream? others) : AsyncReadStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.IsEmpty)
                return 0;
            while (true)
            {
                var read = await output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read.IsEnd || read.Target == target)
                    return read.Count;
                if (others is not null)
                    await others.WriteAsync(buffer[..read.Count], cancellationToken).ConfigureAwait(false);
            }
        }


        protected override void Dispose(bool disposing)
        {
            if (disposing)
                output.Inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Bytes as ASCII text for a message, each other byte as '.'.</summary>
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
            text[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '.';
        return new string(text);
    }
}
