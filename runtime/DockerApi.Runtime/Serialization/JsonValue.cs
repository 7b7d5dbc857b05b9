using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockerApi.Serialization;

/// <summary>
/// How values of one type are read and written, boxed, so that one loop (<see cref="JsonObjectShape"/>) reads and
/// writes the properties of every generated type: a generated type carries a table of these instead of a reader
/// and a writer of its own, which is what the compiler and the trim analyzer would otherwise spend a consumer's build on.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonValue
{
    // A boolean is boxed once per value, not once per property read.
    private protected static readonly object True = true;
    private protected static readonly object False = false;

    private protected JsonValue()
    {
    }

    internal abstract object? ReadBoxed(ref Utf8JsonReader reader, JsonSerializerOptions options);

    internal abstract void WriteBoxed(Utf8JsonWriter writer, object value, JsonSerializerOptions options);

    /// <summary>An empty list or map, which is written as the <c>null</c> it was read as when it was one (Go's nil).</summary>
    internal virtual bool IsEmpty(object value) => false;

    /// <summary>The runtime type of the values.</summary>
    internal abstract Type Type { get; }

    /// <summary>Metadata for the values, for <paramref name="options"/>, read and written by this value.</summary>
    internal abstract JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options);
}

/// <summary>How values of <typeparamref name="T"/> are read and written.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonValue<T> : JsonValue
{
    private readonly Func<T, bool>? _isEmpty;

    /// <summary>Values read by <paramref name="read"/> and written by <paramref name="write"/>.</summary>
    public JsonValue(JsonRead<T> read, JsonWrite<T> write)
        : this(read, write, null)
    {
    }

    internal JsonValue(JsonRead<T> read, JsonWrite<T> write, Func<T, bool>? isEmpty)
    {
        Read = read;
        Write = write;
        _isEmpty = isEmpty;
    }

    /// <summary>Reads one value at the reader's current token.</summary>
    public JsonRead<T> Read { get; }

    /// <summary>Writes one value.</summary>
    public JsonWrite<T> Write { get; }

    internal override object? ReadBoxed(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var value = Read(ref reader, options);
        if (typeof(T) == typeof(bool))
            return (bool)(object)value! ? True : False;
        return value;
    }

    internal override void WriteBoxed(Utf8JsonWriter writer, object value, JsonSerializerOptions options) => Write(writer, (T)value, options);

    internal override bool IsEmpty(object value) => _isEmpty is not null && _isEmpty((T)value);

    internal override Type Type => typeof(T);

    internal override JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<T>(options, new DockerJsonConverter<T>(this));
}
