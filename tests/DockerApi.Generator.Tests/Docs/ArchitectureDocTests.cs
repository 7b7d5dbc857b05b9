using System.Text.RegularExpressions;

namespace DockerApi.Generator.Tests.Docs;

/// <summary>docs/ARCHITECTURE.md names only files, folders and tests that exist, so a move or a rename shows there.</summary>
public sealed partial class ArchitectureDocTests
{
    /// <summary>Where a short path of the page (<c>Transport/ApiVersion.cs</c>) may stand: the repository, or a project in it.</summary>
    private static readonly string[] Roots =
        ["", "runtime/DockerApi.Runtime", "generator/DockerApi.Generator", "highlevel/DockerApi", "emulator/DockerApi.Emulator"];

    [Fact]
    public void Every_path_and_test_the_page_names_exists()
    {
        var root = DockerApi.Tests.RepositoryPaths.Root;
        var page = File.ReadAllText(Path.Combine(root, "docs", "ARCHITECTURE.md"));
        var named = Code().Matches(page).Select(m => m.Groups[1].Value).ToList();

        // Paths: what has a slash and names a file or folder of ours (not ../shared, beside the clone; not a URL or its path).
        var paths = named.Where(n => n.Contains('/') && !n.StartsWith("../", StringComparison.Ordinal) && !n.StartsWith('/') && !n.Contains("://", StringComparison.Ordinal) && !n.Contains(' ')
                                     && Regex.IsMatch(n, @"(\.\w+|/)$")).ToList();
        var missing = paths.Where(p => !Roots.Any(r => File.Exists(Path.Combine(root, r, p)) || Directory.Exists(Path.Combine(root, r, p)))).ToList();
        // Tests: a class named *Tests has a file of that name.
        var sources = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*Tests.cs", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).ToHashSet();
        missing.AddRange(named.Where(n => Regex.IsMatch(n, @"^\w+Tests$") && !sources.Contains(n)));

        Assert.True(paths.Count >= 20, $"the page names {paths.Count} paths: the scan is off");
        Assert.True(missing.Count == 0, "named in docs/ARCHITECTURE.md but not in the repository: " + string.Join(", ", missing));
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex Code();
}
