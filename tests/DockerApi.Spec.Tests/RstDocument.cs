using System.Text.RegularExpressions;

namespace DockerApi.Spec.Tests;

/// <summary>
/// What one 2013 reference document (docker_remote_api_v1.X.rst) documents: its <c>.. http:</c>
/// directives and, for each concrete route, the query parameters named by <c>:query</c> fields
/// or used in its example requests.
/// </summary>
internal sealed partial class RstDocument
{
    private RstDocument(int directiveCount, IReadOnlyDictionary<string, SortedSet<string>> routes)
    {
        DirectiveCount = directiveCount;
        Routes = routes;
    }

    public int DirectiveCount { get; }

    /// <summary>"METHOD /path/{param}" → documented query parameters.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Routes { get; }

    public static RstDocument Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var routes = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var directives = 0;
        List<string>? current = null;
        foreach (var line in lines)
        {
            var directive = Directive().Match(line);
            if (directive.Success)
            {
                directives++;
                var method = directive.Groups[1].Value.ToUpperInvariant();
                current = Expand(directive.Groups[2].Value).Select(p => $"{method} {p}").ToList();
                foreach (var route in current)
                    routes.Add(route, new SortedSet<string>(StringComparer.Ordinal));
                continue;
            }
            if (current is null)
                continue;
            var query = QueryField().Match(line);
            if (query.Success)
            {
                foreach (var route in current)
                    routes[route].Add(query.Groups[1].Value);
                continue;
            }
            var example = ExampleRequest().Match(line);
            if (example.Success)
            {
                // An example names a concrete route: give its parameters to the route it matches.
                var route = current.FirstOrDefault(r => Matches(r, $"{example.Groups[1].Value} {example.Groups[2].Value}"));
                if (route is not null && example.Groups[3].Success)
                    foreach (var pair in example.Groups[3].Value.Split('&'))
                        routes[route].Add(pair.Split('=')[0]);
            }
        }
        return new RstDocument(directives, routes);
    }

    /// <summary><c>(id)</c> → <c>{id}</c>; <c>/images/(format)</c> is both <c>/images/json</c> and <c>/images/viz</c>.</summary>
    private static IEnumerable<string> Expand(string rstPath) =>
        rstPath == "/images/(format)"
            ? ["/images/json", "/images/viz"]
            : [RstParameter().Replace(rstPath, "{$1}")];

    private static bool Matches(string route, string concrete)
    {
        var pattern = "^" + Regex.Replace(Regex.Escape(route), @"\\\{[^}]+}", "[^/]+") + "$";
        return Regex.IsMatch(concrete, pattern);
    }

    [GeneratedRegex(@"^\s*\.\. http:(get|post|put|delete)::\s+(\S+)")]
    private static partial Regex Directive();

    [GeneratedRegex(@"^\s*:query\s+(\w+):")]
    private static partial Regex QueryField();

    [GeneratedRegex(@"^\s*(GET|POST|PUT|DELETE)\s+([^\s?]+)(?:\?(\S+))?\s+HTTP/1\.1")]
    private static partial Regex ExampleRequest();

    [GeneratedRegex(@"\((\w+)\)")]
    private static partial Regex RstParameter();
}
