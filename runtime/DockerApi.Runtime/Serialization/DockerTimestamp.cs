using System.Globalization;

namespace DockerApi.Serialization;

/// <summary>
/// A time as the daemon writes it (Go's <c>time.Time</c>, RFC 3339 with up to nine fractional digits and the
/// daemon's offset): kept to the nanosecond, so that reading and writing it back changes nothing, where a
/// <see cref="DateTimeOffset"/> keeps 100 ns. Converts to and from <see cref="DateTimeOffset"/> implicitly, like
/// protobuf's <c>Timestamp</c> (<see cref="UnixSeconds"/> and <see cref="Nanoseconds"/>).
/// </summary>
public readonly struct DockerTimestamp : IEquatable<DockerTimestamp>, IComparable<DockerTimestamp>
{
    private const long UnixEpochSeconds = 62_135_596_800; // 0001-01-01 to 1970-01-01

    private DockerTimestamp(long unixSeconds, int nanoseconds, TimeSpan offset)
    {
        UnixSeconds = unixSeconds;
        Nanoseconds = nanoseconds;
        Offset = offset;
    }

    /// <summary>Seconds since 1970-01-01T00:00:00Z (negative before it; Go's zero time is 0001-01-01).</summary>
    public long UnixSeconds { get; }

    /// <summary>Nanoseconds within the second, 0 to 999,999,999.</summary>
    public int Nanoseconds { get; }

    /// <summary>The offset from UTC the time was written with (zero for <c>Z</c>).</summary>
    public TimeSpan Offset { get; }

    /// <summary>Go's zero time, <c>0001-01-01T00:00:00Z</c>: what the daemon writes for "never".</summary>
    public bool IsZero => UnixSeconds == -UnixEpochSeconds && Nanoseconds == 0;

    /// <summary>The same time as a <see cref="DateTimeOffset"/> (to the 100 ns tick, with its offset).</summary>
    public DateTimeOffset ToDateTimeOffset() =>
        new DateTimeOffset((UnixSeconds + UnixEpochSeconds) * TimeSpan.TicksPerSecond + Nanoseconds / 100, TimeSpan.Zero).ToOffset(Offset);

    /// <summary>A timestamp of <paramref name="value"/>, with its offset.</summary>
    public static DockerTimestamp FromDateTimeOffset(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new(ticks / TimeSpan.TicksPerSecond - UnixEpochSeconds, (int)(ticks % TimeSpan.TicksPerSecond) * 100, value.Offset);
    }

    /// <summary>Reads RFC 3339: <c>2026-11-27T06:42:53.180144986Z</c>, 0 to 9 fractional digits, <c>Z</c> or <c>±hh:mm</c>.</summary>
    public static bool TryParse(string? text, out DockerTimestamp value)
    {
        value = default;
        if (text is null || text.Length < 20 || text[10] is not ('T' or 't'))
            return false;
        var fractionEnd = 19;
        var nanoseconds = 0;
        if (text[19] == '.')
        {
            fractionEnd = 20;
            while (fractionEnd < text.Length && char.IsAsciiDigit(text[fractionEnd]))
                fractionEnd++;
            var digits = fractionEnd - 20;
            if (digits is 0 or > 9)
                return false;
            nanoseconds = int.Parse(text.AsSpan(20, digits), NumberStyles.None, CultureInfo.InvariantCulture) * Pow10(9 - digits);
        }
        if (!TryParseOffset(text.AsSpan(fractionEnd), out var offset)
            || !DateTime.TryParseExact(text.AsSpan(0, 19), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        var utcSeconds = (local.Ticks - offset.Ticks) / TimeSpan.TicksPerSecond;
        value = new DockerTimestamp(utcSeconds - UnixEpochSeconds, nanoseconds, offset);
        return true;
    }

    /// <summary>Reads RFC 3339 or throws <see cref="FormatException"/>.</summary>
    public static DockerTimestamp Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException("Not an RFC 3339 time: '" + (text.Length > 40 ? text[..40] + "…" : text) + "'.");

    /// <summary>As Go's <c>time.RFC3339Nano</c> writes it: trailing zeros of the fraction dropped, <c>Z</c> for UTC.</summary>
    public override string ToString()
    {
        var local = new DateTime((UnixSeconds + UnixEpochSeconds) * TimeSpan.TicksPerSecond + Offset.Ticks, DateTimeKind.Unspecified);
        var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (Nanoseconds != 0)
            text += "." + Nanoseconds.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        if (Offset == TimeSpan.Zero)
            return text + "Z";
        var sign = Offset < TimeSpan.Zero ? '-' : '+';
        var abs = Offset.Duration();
        return text + sign + abs.Hours.ToString("D2", CultureInfo.InvariantCulture) + ":" + abs.Minutes.ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>Equal when the same instant was written with the same offset (as it would be written again).</summary>
    public bool Equals(DockerTimestamp other) => UnixSeconds == other.UnixSeconds && Nanoseconds == other.Nanoseconds && Offset == other.Offset;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DockerTimestamp other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UnixSeconds, Nanoseconds, Offset);

    /// <summary>Orders by instant, whatever the offsets.</summary>
    public int CompareTo(DockerTimestamp other) =>
        UnixSeconds != other.UnixSeconds ? UnixSeconds.CompareTo(other.UnixSeconds) : Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Same instant and offset.</summary>
    public static bool operator ==(DockerTimestamp left, DockerTimestamp right) => left.Equals(right);

    /// <summary>Another instant or offset.</summary>
    public static bool operator !=(DockerTimestamp left, DockerTimestamp right) => !left.Equals(right);

    /// <summary>Earlier.</summary>
    public static bool operator <(DockerTimestamp left, DockerTimestamp right) => left.CompareTo(right) < 0;

    /// <summary>Later.</summary>
    public static bool operator >(DockerTimestamp left, DockerTimestamp right) => left.CompareTo(right) > 0;

    /// <summary>Not later.</summary>
    public static bool operator <=(DockerTimestamp left, DockerTimestamp right) => left.CompareTo(right) <= 0;

    /// <summary>Not earlier.</summary>
    public static bool operator >=(DockerTimestamp left, DockerTimestamp right) => left.CompareTo(right) >= 0;

    /// <summary>The time to the 100 ns tick: see <see cref="ToDateTimeOffset"/>.</summary>
    public static implicit operator DateTimeOffset(DockerTimestamp value) => value.ToDateTimeOffset();

    /// <summary>See <see cref="FromDateTimeOffset"/>.</summary>
    public static implicit operator DockerTimestamp(DateTimeOffset value) => FromDateTimeOffset(value);

    private static bool TryParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "Z" or "z")
            return true;
        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':'
            || !int.TryParse(text.Slice(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.Slice(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }
        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    private static int Pow10(int exponent)
    {
        var result = 1;
        for (var i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }
}
