using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DockerApi.Transport;

/// <summary>
/// An Engine API version such as <c>1.2</c> or <c>1.41</c>: two numbers, compared as numbers, so 1.41 is newer than
/// 1.2 and 1.4 older than 1.40. The client's one rule for versions — the path prefix, the version a generated call or
/// parameter needs, and the negotiation with a daemon all parse and order them here.
/// </summary>
/// <param name="Major">The number before the dot (1 for every version so far).</param>
/// <param name="Minor">The number after it.</param>
public readonly record struct ApiVersion(int Major, int Minor) : IComparable<ApiVersion>
{
    /// <summary>Reads <paramref name="text"/>: digits, a dot, digits (<c>1.41</c>), nothing else.</summary>
    /// <exception cref="FormatException">It is not of that form.</exception>
    public static ApiVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var version) ? version : throw new FormatException($"'{Shown(text)}' is not an API version such as 1.2 or 1.41.");
    }

    /// <summary>Reads like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ApiVersion version)
    {
        version = default;
        var dot = text?.IndexOf('.') ?? -1;
        if (dot < 0 || !Number(text.AsSpan(0, dot), out var major) || !Number(text.AsSpan(dot + 1), out var minor))
            return false;
        version = new ApiVersion(major, minor);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(ApiVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>True when <paramref name="left"/> is older than <paramref name="right"/>.</summary>
    public static bool operator <(ApiVersion left, ApiVersion right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is newer than <paramref name="right"/>.</summary>
    public static bool operator >(ApiVersion left, ApiVersion right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is older than or the same as <paramref name="right"/>.</summary>
    public static bool operator <=(ApiVersion left, ApiVersion right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is newer than or the same as <paramref name="right"/>.</summary>
    public static bool operator >=(ApiVersion left, ApiVersion right) => left.CompareTo(right) >= 0;

    /// <summary>The version as Docker writes it: <c>1.41</c>.</summary>
    public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);

    // ASCII digits only (no sign, no space, no other script's digits), at most 9 of them: an int.
    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.Length is 0 or > 9)
            return false;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
                return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    // A daemon's or a caller's text in a message: kept short.
    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
