using System.Collections.Specialized;
using System.Text;

namespace DockerApi.Emulator.Http;

/// <summary>One request as the server read it: method, path, query (Go's <c>r.Form</c>), headers and body.</summary>
internal sealed class HttpRequest(string method, string path, string rawQuery, Dictionary<string, string> headers, byte[] body)
{
    public string Method { get; } = method;

    /// <summary>The path, percent-decoded (Go decodes <c>%2F</c> before routing).</summary>
    public string Path { get; } = path;

    public string RawQuery { get; } = rawQuery;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public byte[] Body { get; } = body;

    public NameValueCollection Query { get; } = ParseQuery(rawQuery);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A query value; empty when absent (Go's <c>r.Form.Get</c>).</summary>
    public string Form(string name) => Query[name] ?? "";

    public string BodyText => Encoding.UTF8.GetString(Body);

    private static NameValueCollection ParseQuery(string query)
    {
        var result = new NameValueCollection(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            result.Add(Unescape(parts[0]), parts.Length > 1 ? Unescape(parts[1]) : "");
        }
        return result;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
