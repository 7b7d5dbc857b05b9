using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DockerApi.Emulator.State;

/// <summary>JSON written as Go's encoder did: struct field order, nil slices as <c>null</c>, times with 9 digits.</summary>
internal static class GoJson
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    public static string Text(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(Write(write));

    public static void WriteList(Utf8JsonWriter w, string name, IReadOnlyCollection<string>? values)
    {
        w.WritePropertyName(name);
        if (values is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartArray();
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>RFC 3339 with nanoseconds, as Go's time.Time marshals (trailing zeros dropped).</summary>
    public static string Time(DateTimeOffset time)
    {
        if (time == DateTimeOffset.MinValue)
            return "0001-01-01T00:00:00Z";
        var fraction = (time.UtcTicks % TimeSpan.TicksPerSecond * 100).ToString("D9").TrimEnd('0');
        return time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss") + (fraction.Length > 0 ? "." + fraction : "") + "Z";
    }
}
