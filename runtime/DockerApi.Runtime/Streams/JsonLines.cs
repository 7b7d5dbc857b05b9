using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockerApi.Streams;

/// <summary>
/// The fast path of <see cref="JsonStream"/>: the values of a read up to its last newline — every modern stream
/// writes one value a line — parsed by one reader in one pass, with no scan for where each value ends (a raw newline
/// cannot be inside a JSON string, so the bytes before the last one end between values). What it cannot take (a value
/// cut by the end of the read, text that is not JSON, json-seq's record separator, a value over the size limit) it
/// leaves, from the first byte of that value, to the scanner, which reads it or says what is wrong with it.
/// </summary>
internal static class JsonLines
{
    /// <summary>
    /// The fewest bytes a read must hold for this path: it pays where a read holds many values (measured: a stream
    /// read from memory 26 % faster), not where each read holds about one, as over HTTP's small chunks (there the pull
    /// benchmark ran slower and warmed up over many more iterations).
    /// </summary>
    public const int Worthwhile = 2048;

    /// <summary>Adds the values of <paramref name="buffer"/> it can read to <paramref name="into"/>; the bytes it read.</summary>
    /// <remarks>
    /// Optimized from its first call: called once per read with a loop over a hundred values, it would otherwise run
    /// unoptimized code for most of a stream of 100,000 (measured: the first iterations 3× the later ones).
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static long Read<T>(ReadOnlySequence<byte> buffer, JsonTypeInfo<T> typeInfo, int maxBytes, List<T> into)
    {
        var end = AfterLastNewline(buffer);
        // Bounded as the scanner bounds one value: no value of the lines can be over the limit.
        if (end <= 0 || end > maxBytes)
            return 0;
        var lines = buffer.Slice(0, end);
        if (lines.PositionOf((byte)0x1E) is not null)
            return 0; // application/json-seq: the scanner skips its separators
        long read = 0;
        try
        {
            // A reader per value (a struct, nothing allocated): netstandard's and net8.0's reader takes one value only.
            while (FirstToken(lines, read) is var start and >= 0)
            {
                var value = lines.Slice(start);
                var reader = value.IsSingleSegment ? new Utf8JsonReader(value.FirstSpan, isFinalBlock: true, state: default) : new Utf8JsonReader(value, isFinalBlock: true, state: default);
                reader.Read();
                if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                    return read;
                into.Add(JsonStream.ReadValue(ref reader, typeInfo));
                read = start + reader.BytesConsumed;
            }
            return end; // only separators after the last value
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return read; // from the value that failed, the scanner reads again and reports what is wrong
        }
    }

    /// <summary>The offset of the first byte at or after <paramref name="from"/> that is not whitespace; -1 when there is none.</summary>
    private static long FirstToken(ReadOnlySequence<byte> lines, long from)
    {
        var offset = from;
        foreach (var segment in lines.Slice(from))
        {
            var at = segment.Span.IndexOfAnyExcept(" \t\r\n"u8);
            if (at >= 0)
                return offset + at;
            offset += segment.Length;
        }
        return -1;
    }

    /// <summary>The offset just after the last <c>\n</c> of <paramref name="buffer"/>; 0 when it has none.</summary>
    private static long AfterLastNewline(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
            return buffer.FirstSpan.LastIndexOf((byte)'\n') + 1;
        long offset = 0, after = 0;
        foreach (var segment in buffer)
        {
            var at = segment.Span.LastIndexOf((byte)'\n');
            if (at >= 0)
                after = offset + at + 1;
            offset += segment.Length;
        }
        return after;
    }
}
