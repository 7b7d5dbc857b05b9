using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;

namespace DockerApi.Streams;

/// <summary>How a line of a text stream ended.</summary>
public enum LineEnd
{
    /// <summary><c>\n</c> or <c>\r\n</c>: a finished line.</summary>
    NewLine,

    /// <summary>A lone <c>\r</c>: a progress update that the next line overwrites.</summary>
    CarriageReturn,

    /// <summary>The stream ended without a line break.</summary>
    EndOfStream,
}

/// <summary>One line of a text stream.</summary>
/// <param name="Text">The line, without its line break.</param>
/// <param name="End">How it ended.</param>
public readonly record struct TextLine(string Text, LineEnd End);

/// <summary>Splits a text stream into lines as they arrive, at <c>\r\n</c>, <c>\n</c> and a lone <c>\r</c>.</summary>
public static class TextLines
{
    /// <summary>The default bound of one line: 1 MiB.</summary>
    public const int DefaultMaxLineBytes = 1024 * 1024;

    /// <summary>
    /// Yields each line of <paramref name="stream"/> as soon as its line break arrives; the last one, without a
    /// line break, at the end. A line longer than <paramref name="maxLineBytes"/> raises <see cref="DockerProtocolException"/>.
    /// </summary>
    public static async IAsyncEnumerable<TextLine> ReadAsync(Stream stream, int maxLineBytes = DefaultMaxLineBytes, string? operation = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await PipeReads.ReadAsync(reader, operation, cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadLine(ref buffer, result.IsCompleted, out var line))
                    yield return line;
                if (buffer.Length > maxLineBytes)
                    throw new DockerProtocolException($"a line of the stream is longer than {maxLineBytes} bytes", operation);
                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                        yield return new TextLine(Decode(buffer), LineEnd.EndOfStream);
                    yield break;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, bool isCompleted, out TextLine line)
    {
        line = default;
        var sequence = new SequenceReader<byte>(buffer);
        if (!sequence.TryReadToAny(out ReadOnlySequence<byte> text, "\r\n"u8, advancePastDelimiter: false))
            return false;
        sequence.TryRead(out var delimiter);
        var end = LineEnd.NewLine;
        if (delimiter == (byte)'\r')
        {
            if (sequence.TryPeek(out var after))
            {
                if (after == (byte)'\n')
                    sequence.Advance(1);
                else
                    end = LineEnd.CarriageReturn;
            }
            else if (isCompleted)
            {
                end = LineEnd.CarriageReturn;
            }
            else
            {
                return false; // "\r" at the end of what has arrived: wait to see whether "\n" follows
            }
        }
        line = new TextLine(Decode(text), end);
        buffer = buffer.Slice(sequence.Position);
        return true;
    }

    private static string Decode(ReadOnlySequence<byte> bytes) =>
        bytes.IsSingleSegment ? Encoding.UTF8.GetString(bytes.FirstSpan) : Encoding.UTF8.GetString(bytes.ToArray());
}
