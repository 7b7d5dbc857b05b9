using System.Text;
using DockerApi.Streams;
using DockerApi.Transport;

namespace DockerApi.Engines;

/// <summary>Reads an attached or exec'd process's output to its end, writing its input meanwhile.</summary>
internal static class OutputCollector
{
    /// <summary>
    /// Both streams of <paramref name="output"/> as bytes, each line also given to <paramref name="onLine"/> as it
    /// arrives. <paramref name="input"/>, when given, is written to the connection and its sending side closed while
    /// the output is read, so that neither side waits for the other.
    /// </summary>
    public static async Task<(byte[] Stdout, byte[] Stderr)> CollectAsync(MultiplexedStream output, ReadOnlyMemory<byte>? input,
        Action<OutputLine>? onLine, CancellationToken ct)
    {
        var writing = input is { } bytes ? WriteAndCloseAsync(output, bytes, ct) : Task.CompletedTask;
        using var stdout = new LineSink(StdStream.Stdout, onLine);
        using var stderr = new LineSink(StdStream.Stderr, onLine);
        await output.CopyOutputToAsync(stdout, stderr, ct).ConfigureAwait(false);
        await writing.ConfigureAwait(false);
        return (stdout.Finish(), stderr.Finish());
    }

    private static async Task WriteAndCloseAsync(MultiplexedStream output, ReadOnlyMemory<byte> input, CancellationToken ct)
    {
        var connection = output.Inner as DockerHijackedStream
            ?? throw new InvalidOperationException("input needs the attached connection, and this output has none");
        await connection.WriteAsync(input, ct).ConfigureAwait(false);
        await connection.FlushAsync(ct).ConfigureAwait(false);
        connection.CloseWrite();
    }

    /// <summary>Keeps every byte written and hands each completed line (and the last, unended one) to a callback.</summary>
    private sealed class LineSink(StdStream stream, Action<OutputLine>? onLine) : Stream
    {
        private readonly MemoryStream _bytes = new();
        private int _lineStart;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _bytes.Write(buffer);
            if (onLine is null)
                return;
            var all = _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);
            int end;
            while ((end = all[_lineStart..].IndexOf((byte)'\n')) >= 0)
            {
                var line = all.Slice(_lineStart, end);
                onLine(new OutputLine(stream, Encoding.UTF8.GetString(line.EndsWith("\r"u8) ? line[..^1] : line)));
                _lineStart += end + 1;
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public byte[] Finish()
        {
            if (onLine is not null && _lineStart < _bytes.Length)
                onLine(new OutputLine(stream, Encoding.UTF8.GetString(_bytes.GetBuffer(), _lineStart, (int)_bytes.Length - _lineStart)));
            return _bytes.ToArray();
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _bytes.Length;
        public override long Position { get => _bytes.Length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _bytes.Dispose();
            base.Dispose(disposing);
        }
    }
}
