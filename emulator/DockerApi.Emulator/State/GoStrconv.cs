namespace DockerApi.Emulator.State;

/// <summary>Go's <c>strconv.Atoi</c> as the daemon called it: an optional sign and ASCII digits, nothing else.</summary>
internal static class GoStrconv
{
    /// <summary>Null when <paramref name="text"/> is an int Go accepts; else Go's error text.</summary>
    public static string? AtoiError(string text)
    {
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            return $"strconv.Atoi: parsing {Quote(text)}: invalid syntax";
        return long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? null
            : $"strconv.Atoi: parsing {Quote(text)}: value out of range";
    }

    // strconv.Quote for what a query string can hold: backslash and quote escaped.
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
