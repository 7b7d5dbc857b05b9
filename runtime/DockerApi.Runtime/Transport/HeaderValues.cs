namespace DockerApi.Transport;

/// <summary>
/// The one rule for header values: no CR, LF or NUL. A line break in a value would end the header and let the rest
/// of the value become further headers, or a second request on the same connection (on a Docker socket, root).
/// Every path that writes a header goes through it: generated header parameters, the Content-Type of a body, the
/// hijacked connection's request head, and the pooled handler for headers a caller added by hand.
/// </summary>
internal static class HeaderValues
{
    /// <summary>Refuses a header value that holds CR, LF or NUL, naming the parameter (or, without one, the header).</summary>
    public static void EnsureSafe(string name, string value, string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bad = value.AsSpan().IndexOfAny('\r', '\n', '\0');
        if (bad < 0)
            return;
        // The value itself is not quoted: header values carry credentials (X-Registry-Auth).
        var what = value[bad] switch { '\r' => "a carriage return", '\n' => "a line feed", _ => "a NUL character" };
        throw new ArgumentException($"The value of header '{name}' contains {what} at index {bad}; header values cannot hold CR, LF or NUL.",
            parameterName ?? name);
    }

    /// <summary>Checks every header of <paramref name="request"/> and of its content.</summary>
    internal static void EnsureSafe(HttpRequestMessage request)
    {
        EnsureSafe(request.Headers);
        if (request.Content is not null)
            EnsureSafe(request.Content.Headers);
    }

    private static void EnsureSafe(System.Net.Http.Headers.HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            foreach (var value in header.Value)
                EnsureSafe(header.Key, value);
        }
    }
}
