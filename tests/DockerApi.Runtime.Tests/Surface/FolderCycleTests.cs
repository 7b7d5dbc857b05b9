using System.Text.RegularExpressions;
using DockerApi.Tests;

namespace DockerApi.Runtime.Tests.Surface;

/// <summary>
/// The runtime's folders are layers: a folder uses the types of folders below it only, so their graph has no cycle
/// (exceptions at the root ← Serialization ← Streams ← Transport ← Requests ← Configuration; Generated, which only
/// generated code calls, on top). Read from the sources: a folder uses a type when its code (comments and strings left
/// out) names a type declared in another folder.
/// </summary>
public sealed partial class FolderCycleTests
{
    [Fact]
    public void The_runtime_s_folders_form_no_cycle()
    {
        var root = Path.Combine(RepositoryPaths.Root, "runtime", "DockerApi.Runtime");
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Folder: TopFolder(root, f), Code: Code(File.ReadAllText(f))))
            .ToList();
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, code) in sources)
        {
            foreach (Match m in Declaration().Matches(code))
                declaredIn.TryAdd(m.Groups[1].Value, folder);
        }
        var uses = sources.GroupBy(s => s.Folder).ToDictionary(g => g.Key, g => declaredIn
            .Where(t => t.Value != g.Key && g.Any(s => Regex.IsMatch(s.Code, $@"\b{t.Key}\b")))
            .Select(t => t.Value).ToHashSet());

        var cycle = FindCycle(uses);
        Assert.True(cycle is null, $"a folder cycle: {string.Join(" → ", cycle ?? [])}");
        Assert.Contains("Serialization", uses["Streams"]); // the scan sees real uses
    }

    /// <summary>The first cycle a depth-first walk meets, as the folders on it; null for none.</summary>
    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> uses)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        List<string>? Visit(string folder)
        {
            state[folder] = 1;
            path.Add(folder);
            foreach (var next in uses.GetValueOrDefault(folder) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                    return [.. path[path.IndexOf(next)..], next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                    return found;
            }
            path.RemoveAt(path.Count - 1);
            state[folder] = 2;
            return null;
        }
        return uses.Keys.Where(f => state.GetValueOrDefault(f) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static string TopFolder(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        var slash = relative.IndexOf(Path.DirectorySeparatorChar);
        return slash < 0 ? "." : relative[..slash];
    }

    /// <summary>The code without its comments and the contents of its strings.</summary>
    private static string Code(string source) => StringLiteral().Replace(Comment().Replace(source, ""), "\"\"");

    [GeneratedRegex(@"\b(?:class|struct|record(?:\s+struct)?|enum|interface|delegate\s+\S+)\s+(\w+)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}
