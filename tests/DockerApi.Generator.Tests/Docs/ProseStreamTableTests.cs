using System.Text.RegularExpressions;
using DockerApi.Generator.Parsing;

namespace DockerApi.Generator.Tests.Docs;

/// <summary>spec/README.md's table of the streams Docker's files give in prose says what the generator's table does.</summary>
public sealed partial class ProseStreamTableTests
{
    [Fact]
    public void The_spec_README_table_equals_the_generator_s()
    {
        var readme = File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Root, "spec", "README.md"));
        var table = readme[readme.IndexOf("The table, which a test keeps equal to the code:", StringComparison.Ordinal)..];
        var rows = table.Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2).ToList();

        var documented = rows.SelectMany(Entries).Order(StringComparer.Ordinal).ToList();
        var coded = ProseStreams.All
            .Select(e => Entry(e.Route, e.OperationId, e.Stream, e.Framing, e.Message))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(coded, documented);
    }

    /// <summary>The entries of one row: its routes paired with its operationIds (a route without a method has the one before it).</summary>
    private static IEnumerable<string> Entries(string row)
    {
        var cells = row.Split('|')[1..^1];
        var routes = Code().Matches(cells[0]).Select(m => m.Groups[1].Value).ToList();
        var ids = Code().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(routes.Count, ids.Count);
        var stream = cells[2].Contains("not generated", StringComparison.Ordinal) ? null : Code().Match(cells[2]).Groups[1].Value;
        var framing = Regex.Match(cells[2], "x-docker-framing: (\\w+)") is { Success: true } f ? f.Groups[1].Value : null;
        var message = cells[3].Trim().StartsWith('`') ? Code().Match(cells[3]).Groups[1].Value : null;
        var method = "";
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i].StartsWith('/') ? $"{method} {routes[i]}" : routes[i];
            method = route[..route.IndexOf(' ')];
            yield return Entry(route, ids[i], stream, framing, message);
        }
    }

    private static string Entry(string route, string id, string? stream, string? framing, string? message) =>
        $"{route} {id} {stream ?? "not generated"} {framing ?? "-"} {message ?? "-"}";

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
