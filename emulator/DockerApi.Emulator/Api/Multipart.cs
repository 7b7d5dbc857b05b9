using System.Text;

namespace DockerApi.Emulator.Api;

/// <summary>Reads a multipart/form-data body into its parts by name, as Go's ParseMultipartForm did.</summary>
internal static class Multipart
{
    public static Dictionary<string, byte[]> Parse(string? contentType, byte[] body)
    {
        const string prefix = "boundary=";
        if (contentType is null || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) || contentType.IndexOf(prefix, StringComparison.Ordinal) is var at && at < 0)
            throw new State.DaemonException("request Content-Type isn't multipart/form-data");
        var boundary = Encoding.ASCII.GetBytes("--" + contentType[(at + prefix.Length)..].Split(';')[0].Trim('"', ' '));
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var position = body.AsSpan().IndexOf(boundary);
        if (position < 0)
            throw new State.DaemonException("multipart: NextPart: EOF");
        while (true)
        {
            position += boundary.Length;
            if (body.AsSpan(position).StartsWith("--"u8))
                return parts;
            position += 2; // CRLF after the boundary
            var headEnd = body.AsSpan(position).IndexOf("\r\n\r\n"u8);
            if (headEnd < 0)
                throw new State.DaemonException("multipart: NextPart: EOF");
            var head = Encoding.UTF8.GetString(body, position, headEnd);
            var contentStart = position + headEnd + 4;
            var next = body.AsSpan(contentStart).IndexOf([.. "\r\n"u8, .. boundary]);
            if (next < 0)
                throw new State.DaemonException("multipart: NextPart: EOF");
            var name = head.Split("\r\n").Where(h => h.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase))
                .SelectMany(h => h.Split(';')).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("name=", StringComparison.Ordinal))?[5..].Trim('"');
            if (name is not null)
                parts[name] = body[contentStart..(contentStart + next)];
            position = contentStart + next + 2;
        }
    }
}
