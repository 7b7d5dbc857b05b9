using System.Text.RegularExpressions;

namespace DockerApi.Transport.Schemes;

/// <summary>The <c>host[:port]</c> of a URI-shaped endpoint (tcp, http, https, ssh), read one way for all of them.</summary>
internal static partial class Authority
{
    /// <summary>
    /// Reads <paramref name="value"/> as <c>scheme://[user@]host[:port]</c> with no path; <paramref name="explicitPort"/>
    /// says whether a port was written (only a missing one means the default: <c>:0</c> asks for any free port).
    /// </summary>
    public static bool TryRead(string value, out Uri uri, out bool explicitPort)
    {
        explicitPort = false;
        if (!Uri.TryCreate(value, UriKind.Absolute, out uri!) || string.IsNullOrEmpty(uri.Host) || (uri.AbsolutePath != "/" && uri.AbsolutePath != ""))
            return false;
        explicitPort = Port().IsMatch(uri.Authority);
        return true;
    }

    /// <summary>The host without the brackets of an IPv6 address.</summary>
    public static string Host(Uri uri) => uri.IdnHost.Trim('[', ']');

    /// <summary>The host as a URI writes it: an IPv6 address in brackets.</summary>
    public static string Bracketed(string host) => host.Contains(':') ? $"[{host}]" : host;

    [GeneratedRegex(@":\d+$")]
    private static partial Regex Port();
}
