using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

using DockerApi.Serialization;

namespace DockerApi.Streams;

/// <summary>
/// Reads a stream of JSON values as the daemon writes them: concatenated with no separator
/// (<c>{..}{..}</c>), or separated by whitespace and newlines, split across any chunk boundaries. Each value is
/// yielded as soon as its last byte arrives; the whole response is never buffered.
/// </summary>
public static class JsonStream
{
    /// <summary>
    /// Yields each value of <paramref name="stream"/> as a <typeparamref name="T"/>. When <paramref name="errorOf"/>
    /// returns a message for a value, the values before it have been yielded and <see cref="DockerStreamException"/>
    /// is raised. A stream that ends inside a value, bytes that are not JSON, or a value over
    /// <see cref="JsonStreamOptions.MaxValueBytes"/> raise <see cref="DockerProtocolException"/>.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, JsonTypeInfo<T> typeInfo, Func<T, string?>? errorOf = null,
        JsonStreamOptions? options = null, string? operation = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(typeInfo);
        options ??= JsonStreamOptions.Default;
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: options.ReadBufferSize, minimumReadSize: Math.Min(4096, options.ReadBufferSize), leaveOpen: true));
        var scan = new ValueScanner(options, operation);
        var batch = new List<T>();
        try
        {
            while (true)
            {
                var result = await PipeReads.ReadAsync(reader, operation, cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (true)
                {
                    if (scan.Idle && !options.SkipNonJsonText && buffer.Length >= JsonLines.Worthwhile)
                    {
                        buffer = buffer.Slice(JsonLines.Read(buffer, typeInfo, options.MaxValueBytes, batch));
                        foreach (var line in batch)
                            yield return Checked(line, errorOf, operation);
                        batch.Clear();
                    }
                    var found = scan.TryFindValue(buffer, out var value, out var consumed);
                    buffer = buffer.Slice(consumed);
                    if (!found)
                        break;
                    yield return Checked(Deserialize(value, typeInfo, operation), errorOf, operation);
                }
                if (result.IsCompleted)
                {
                    scan.EnsureCleanEnd(buffer);
                    yield break;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }

        // A message that reports an error ends the stream: the ones before it have been yielded.
        static T Checked(T item, Func<T, string?>? errorOf, string? operation) =>
            errorOf?.Invoke(item) is { } error ? throw new DockerStreamException(error, operation) : item;
    }

    /// <summary>Reads one complete value, as <see cref="ReadValue"/> does; bad JSON is a <see cref="DockerProtocolException"/>.</summary>
    private static T Deserialize<T>(ReadOnlySequence<byte> value, JsonTypeInfo<T> typeInfo, string? operation)
    {
        // A reader over one span is faster than one over a sequence; most values lie in one segment.
        var reader = value.IsSingleSegment ? new Utf8JsonReader(value.FirstSpan) : new Utf8JsonReader(value);
        try
        {
            reader.Read();
            return ReadValue(ref reader, typeInfo);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) // InvalidOperationException: a string that is not UTF-8
        {
            throw new DockerProtocolException($"a value of the stream is not valid JSON for a {typeof(T).Name}: {e.Message}", operation, e);
        }
    }

    /// <summary>
    /// Reads the value whose first token <paramref name="reader"/> is on: with the generated converter directly when
    /// the type info has one (one pass, no serializer state), else through <see cref="JsonSerializer"/>.
    /// </summary>
    internal static T ReadValue<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo) =>
        typeInfo.Converter is DockerJsonConverter<T> converter
            ? converter.Read(ref reader, typeof(T), typeInfo.Options)
            : JsonSerializer.Deserialize(ref reader, typeInfo)!;

    /// <summary>
    /// Finds where each top-level value ends by its brackets alone (strings and escapes skipped), resuming across
    /// reads where the last read stopped. It does not validate: the one real read of the value does, so each byte
    /// is parsed once. Values are objects or arrays: the daemon writes nothing else.
    /// </summary>
    private sealed class ValueScanner(JsonStreamOptions options, string? operation)
    {
        private long _scanned; // bytes of the current value scanned so far; 0 = no value started
        private int _depth;
        private bool _inString;
        private bool _escaped; // the last byte scanned was a backslash inside a string

        /// <summary>No value is half scanned: the next bytes start a value (or separators before one).</summary>
        public bool Idle => _scanned == 0;

        /// <summary>
        /// True with the next complete value; false when more bytes are needed. Either way
        /// <paramref name="consumed"/> is where the caller's buffer continues: after the value, or at the start of
        /// the unfinished one (separators and skipped text before it are dropped).
        /// </summary>
        public bool TryFindValue(ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> value, out SequencePosition consumed)
        {
            value = default;
            if (_scanned == 0)
            {
                var (found, start) = SkipSeparators(buffer);
                buffer = buffer.Slice(start);
                consumed = buffer.Start;
                if (!found)
                    return false;
                (_depth, _inString, _escaped) = (0, false, false);
            }
            consumed = buffer.Start;

            var offset = _scanned;
            foreach (var segment in buffer.Slice(_scanned))
            {
                var end = Scan(segment.Span);
                if (end >= 0)
                {
                    var length = offset + end + 1;
                    _scanned = 0;
                    if (length > options.MaxValueBytes)
                        throw TooLarge();
                    value = buffer.Slice(0, length);
                    consumed = value.End;
                    return true;
                }
                offset += segment.Length;
            }
            _scanned = offset;
            if (_scanned > options.MaxValueBytes)
                throw TooLarge();
            return false;
        }

        /// <summary>The index of the byte that closes the value, or -1 when <paramref name="span"/> does not hold it.</summary>
        /// <remarks>Byte by byte: the daemon's values are short with short strings, where IndexOfAny costs more than it saves (measured 2.6×).</remarks>
        private int Scan(ReadOnlySpan<byte> span)
        {
            // Locals, not fields, in the loop: they stay in registers.
            var (depth, inString, escaped) = (_depth, _inString, _escaped);
            var end = -1;
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                if (inString)
                {
                    if (escaped)
                        escaped = false;
                    else if (b == (byte)'\\')
                        escaped = true;
                    else if (b == (byte)'"')
                        inString = false;
                }
                else if (b == (byte)'"')
                {
                    inString = true;
                }
                else if (b is (byte)'{' or (byte)'[')
                {
                    depth++;
                }
                else if (b is (byte)'}' or (byte)']' && --depth == 0)
                {
                    end = i;
                    break;
                }
            }
            (_depth, _inString, _escaped) = (depth, inString, escaped);
            return end;
        }

        /// <summary>At the end of the stream: nothing but separators (or skippable text) may be left.</summary>
        public void EnsureCleanEnd(ReadOnlySequence<byte> rest)
        {
            if (_scanned != 0 || SkipSeparators(rest).Found)
                throw new DockerProtocolException("the stream ended inside a JSON value", operation);
        }

        /// <summary>Whether a value starts in <paramref name="buffer"/>, and the offset of its first byte (else of the end).</summary>
        private (bool Found, long Offset) SkipSeparators(ReadOnlySequence<byte> buffer)
        {
            long offset = 0;
            foreach (var segment in buffer)
            {
                var span = segment.Span;
                for (var i = 0; i < span.Length; i++)
                {
                    var b = span[i];
                    if (b is (byte)'{' or (byte)'[')
                        return (true, offset + i);
                    // 0x1E: the record separator of application/json-seq (RFC 7464), which Docker's files list for recent events.
                    if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x1E || options.SkipNonJsonText)
                        continue;
                    var sample = buffer.Slice(offset + i, Math.Min(40, buffer.Length - offset - i)).ToArray();
                    throw new DockerProtocolException(
                        $"the stream holds text that is not a JSON object: '{System.Text.Encoding.UTF8.GetString(sample)}'", operation);
                }
                offset += span.Length;
            }
            return (false, offset);
        }

        private DockerProtocolException TooLarge() =>
            new($"a value of the stream is larger than {options.MaxValueBytes} bytes", operation);
    }
}
