namespace DockerApi.Spec.Tests;

/// <summary>
/// The spec covers exactly what the 2013 reference documents document: the same routes and the same
/// query parameters, except for the deliberate differences listed below, each of them a place where the
/// daemon did something else than its documentation said (see behavior-notes.md §11).
/// </summary>
public sealed class RstFidelityTests
{
    /// <summary>A query parameter the documentation names and the daemon ignores, or the reverse.</summary>
    private sealed record Difference(string Route, string[] DocumentedOnly, string[] SpecOnly, string Why);

    private static readonly Difference[] Deliberate =
    [
        // The daemon reads the message from `comment` and the run configuration from the JSON body;
        // `m` and `run` are ignored (behavior-notes §10, §11.15).
        new("POST /commit", DocumentedOnly: ["m", "run"], SpecOnly: ["comment"], "commit takes comment and a JSON body"),
        // `/images/(format)` documents `all` once for both formats; the graph handler reads no parameter.
        new("GET /images/viz", DocumentedOnly: ["all"], SpecOnly: [], "viz takes no parameter"),
    ];

    /// <summary>Directives per document: 27, 27 and 26 (GET /auth is gone in v1.2).</summary>
    [SkippableTheory]
    [InlineData("1.0", 27, 28)]
    [InlineData("1.1", 27, 28)]
    [InlineData("1.2", 26, 27)]
    public void Spec_has_exactly_the_documented_routes(string version, int directives, int operations)
    {
        var rst = LoadRst(version);
        var spec = SpecDocument.Load(version);
        Assert.Equal(directives, rst.DirectiveCount);
        Assert.Equal(operations, rst.Routes.Count);

        var documented = spec.Operations.Where(o => !o.Undocumented).Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal);
        Assert.Equal(rst.Routes.Keys, documented);
    }

    [SkippableTheory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Spec_has_exactly_the_documented_query_parameters(string version)
    {
        var rst = LoadRst(version);
        var spec = SpecDocument.Load(version);
        Assert.All(spec.Operations.Where(o => !o.Undocumented), op =>
        {
            var route = $"{op.Method} {op.Path}";
            var expected = new SortedSet<string>(rst.Routes[route], StringComparer.Ordinal);
            foreach (var difference in Deliberate.Where(d => d.Route == route))
            {
                expected.ExceptWith(difference.DocumentedOnly);
                expected.UnionWith(difference.SpecOnly);
            }
            Assert.True(expected.SetEquals(op.DocumentedQuery),
                $"v{version} {route}: documents [{string.Join(", ", expected)}], spec has [{string.Join(", ", op.DocumentedQuery)}]");
        });
    }

    /// <summary>Every listed difference still is one, so the list cannot hide a real mismatch.</summary>
    [SkippableTheory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Every_deliberate_difference_is_real(string version)
    {
        var rst = LoadRst(version);
        var spec = SpecDocument.Load(version);
        Assert.All(Deliberate, d =>
        {
            var op = spec.Operations.Single(o => $"{o.Method} {o.Path}" == d.Route);
            Assert.All(d.DocumentedOnly, p => Assert.Contains(p, rst.Routes[d.Route]));
            Assert.All(d.DocumentedOnly, p => Assert.Null(op.Parameter(p)));
            Assert.All(d.SpecOnly, p => Assert.DoesNotContain(p, rst.Routes[d.Route]));
            Assert.All(d.SpecOnly, p => Assert.Contains(p, op.DocumentedQuery));
        });
    }

    private static RstDocument LoadRst(string version)
    {
        var reference = DockerApi.Tests.RepositoryPaths.Reference;
        Skip.If(reference is null, DockerApi.Tests.RepositoryPaths.ReferenceMissing);
        return RstDocument.Load(Path.Combine(reference, "docker-remote-api", $"docker_remote_api_v{version}.rst"));
    }
}
