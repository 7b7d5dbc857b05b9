using System.Text.RegularExpressions;

namespace DockerApi.Generator.Tests.Parsing;

/// <summary>spec/README.md claims only what the generator does: every extension it documents is read by the parser.</summary>
public sealed partial class ExtensionDocsTests
{
    [Fact]
    public void Every_documented_extension_is_read_by_the_generator()
    {
        var root = DockerApi.Tests.RepositoryPaths.Root;
        var readme = File.ReadAllLines(Path.Combine(root, "spec", "README.md"));
        var informative = readme.Where(l => l.Contains("(informative)", StringComparison.Ordinal)).SelectMany(l => Extension().Matches(l)).Select(m => m.Value).ToHashSet();
        var documented = readme.SelectMany(l => Extension().Matches(l)).Select(m => m.Value).Distinct().Except(informative).ToList();
        var parser = string.Join("\n", Directory.EnumerateFiles(Path.Combine(root, "generator", "DockerApi.Generator", "Parsing"), "*.cs").Select(File.ReadAllText));

        Assert.True(documented.Count >= 10, string.Join(", ", documented));
        Assert.All(documented, e => Assert.True(parser.Contains($"\"{e}\"", StringComparison.Ordinal), $"{e} is documented in spec/README.md but the parser never reads it"));
    }

    [GeneratedRegex(@"x-docker-[a-z-]+[a-z]")]
    private static partial Regex Extension();
}
