using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
        try
        {
            while (true)
            {
                var result = await PipeReads.ReadAsync(reader, operation, cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (true)
                {
                    var found = scan.TryFindValue(buffer, out var value, out var consumed);
                    buffer = buffer.Slice(consumed);
                    if (!found)
                        break;
                    var item = Deserialize(value, typeInfo, operation);
                    if (errorOf?.Invoke(item) is { } error)
                        throw new DockerStreamException(error, operation);
                    yield return item;
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
    }

    private static T Deserialize<T>(ReadOnlySequence<byte> value, JsonTypeInfo<T> typeInfo, string? operation)
    {
        var reader = new Utf8JsonReader(value);
        try
        {
            return JsonSerializer.Deserialize(ref reader, typeInfo)!;
        }
        catch (JsonException e)
        {
            throw new DockerProtocolException($"a value of the stream is not a {typeof(T).Name}: {e.Message}", operation, e);
        }
    }

    /// <summary>
    /// Finds where each top-level value ends, resuming across reads where the last read stopped so that a large
    /// value arriving in many chunks is scanned once. Values are objects or arrays: the daemon writes nothing else.
    /// </summary>
    private sealed class ValueScanner(JsonStreamOptions options, string? operation)
    {
        private JsonReaderState _state;
        private long _scanned; // bytes of the current value scanned so far; 0 = no value started

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
                _state = default;
            }
            consumed = buffer.Start;

            // isFinalBlock is always false: a value is an object or an array, so its end is always visible.
            var reader = new Utf8JsonReader(buffer.Slice(_scanned), isFinalBlock: false, _state);
            try
            {
                while (reader.Read())
                {
                    if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    {
                        var length = _scanned + reader.BytesConsumed;
                        _scanned = 0;
                        if (length > options.MaxValueBytes)
                            throw TooLarge();
                        value = buffer.Slice(0, length);
                        consumed = value.End;
                        return true;
                    }
                }
            }
            catch (JsonException e)
            {
                throw new DockerProtocolException($"the stream is not valid JSON: {e.Message}", operation, e);
            }
            _scanned += reader.BytesConsumed;
            _state = reader.CurrentState;
            if (buffer.Length > options.MaxValueBytes)
                throw TooLarge();
            return false;
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
                    if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || options.SkipNonJsonText)
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
