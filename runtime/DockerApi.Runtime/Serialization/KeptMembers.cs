using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DockerApi.Serialization;

/// <summary>
/// What the properties of one object would lose — members none of them takes, properties sent as <c>null</c>, names
/// spelled otherwise — copied into one buffer as they are read, kept as one JSON object when the object ends, and
/// parsed as one document only when first asked for: one document per object and no dictionary, where a modern
/// daemon's container has half a dozen members an older client keeps and a document and a dictionary entry each were
/// most of what such a list allocated.
/// </summary>
internal sealed class KeptMembers
{
    // A few per thread, reused: an object read inside another (a kept member of each) takes one of its own.
    private const int Cached = 4;
    private const int LargestCachedBuffer = 64 * 1024;

    [ThreadStatic]
    private static KeptMembers? t_free;
    [ThreadStatic]
    private static int t_freeCount;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private KeptMembers? _next;
    private bool _any;

    private KeptMembers() =>
        // Names and strings are copied as they were sent: the writer escapes only what JSON requires, and the
        // reader has already checked the structure it copies.
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    /// <summary>A buffer for the kept members of one object.</summary>
    public static KeptMembers Rent()
    {
        var kept = t_free;
        if (kept is null)
            return new KeptMembers();
        t_free = kept._next;
        t_freeCount--;
        kept._next = null;
        return kept;
    }

    /// <summary>Copies the member the reader is on (its name) and its value; the reader ends on the value's last token.</summary>
    public void Add(ref Utf8JsonReader reader)
    {
        Start();
        byte[]? rented = null;
        _writer.WritePropertyName(Unescaped(ref reader, ref rented));
        Return(rented);
        reader.Read();
        Copy(ref reader, _writer);
    }

    /// <summary>Keeps a property sent as <c>null</c> under its name.</summary>
    public void AddNull(ReadOnlySpan<byte> name)
    {
        Start();
        _writer.WriteNull(name);
    }

    /// <summary>The members, as the elements of one document (null when there were none); the buffer goes back for reuse.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Complete()
    {
        KeptMemberView? members = null;
        if (_any)
        {
            _writer.WriteEndObject();
            _writer.Flush();
            members = new KeptMemberView(_buffer.WrittenSpan.ToArray()); // its own exact-size copy: the buffer is reused
        }
        Release();
        return members;
    }

    private void Start()
    {
        if (!_any)
        {
            _writer.WriteStartObject();
            _any = true;
        }
    }

    private void Release()
    {
        _any = false;
        _writer.Reset();
        _buffer.ResetWrittenCount();
        if (t_freeCount < Cached && _buffer.Capacity <= LargestCachedBuffer)
        {
            _next = t_free;
            t_free = this;
            t_freeCount++;
        }
    }

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        var depth = reader.CurrentDepth;
        while (true)
        {
            byte[]? rented = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    writer.WritePropertyName(Unescaped(ref reader, ref rented));
                    break;
                case JsonTokenType.String:
                    writer.WriteStringValue(Unescaped(ref reader, ref rented));
                    break;
                default:
                    // Numbers, true, false and null as sent: 2.50 stays 2.50.
                    writer.WriteRawValue(Raw(ref reader, ref rented), skipInputValidation: true);
                    break;
            }
            Return(rented);
            if (reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                return;
            reader.Read();
        }
    }

    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader, ref byte[]? rented)
    {
        if (!reader.ValueIsEscaped)
            return Raw(ref reader, ref rented);
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        rented = ArrayPool<byte>.Shared.Rent(length);
        return rented.AsSpan(0, reader.CopyString(rented));
    }

    private static ReadOnlySpan<byte> Raw(ref Utf8JsonReader reader, ref byte[]? rented)
    {
        if (!reader.HasValueSequence)
            return reader.ValueSpan;
        var sequence = reader.ValueSequence;
        rented = ArrayPool<byte>.Shared.Rent(checked((int)sequence.Length));
        sequence.CopyTo(rented);
        return rented.AsSpan(0, (int)sequence.Length);
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }
}
