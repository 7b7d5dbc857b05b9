using System.Text.RegularExpressions;

namespace DockerApi.Tests;

/// <summary>
/// Which folders of a project use which, read from its C# sources: a folder uses another when its code (comments and
/// strings left out) names a type declared there. Files at the project's root are nodes of their own, named by file:
/// a root holds both the entry point (on top) and small shared types (at the bottom). Layers have no cycle.
/// </summary>
public static partial class FolderGraph
{
    /// <summary>For each folder (or root file) of the project at <paramref name="relativeRoot"/>, the ones it uses.</summary>
    public static Dictionary<string, HashSet<string>> Uses(string relativeRoot)
    {
        var root = Path.Combine(RepositoryPaths.Root, relativeRoot);
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Node: Node(root, f), Code: Code(File.ReadAllText(f))))
            .ToList();
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (node, code) in sources)
        {
            foreach (Match m in Declaration().Matches(code))
                declaredIn.TryAdd(m.Groups[1].Value, node);
        }
        return sources.GroupBy(s => s.Node).ToDictionary(g => g.Key, g => declaredIn
            .Where(t => t.Value != g.Key && g.Any(s => Regex.IsMatch(s.Code, $@"\b{t.Key}\b")))
            .Select(t => t.Value).ToHashSet());
    }

    /// <summary>The first cycle a depth-first walk meets, as the nodes on it; null for none.</summary>
    public static List<string>? FindCycle(Dictionary<string, HashSet<string>> uses)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in uses.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                    return [.. path[path.IndexOf(next)..], next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                    return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        return uses.Keys.Order(StringComparer.Ordinal).Where(f => state.GetValueOrDefault(f) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static string Node(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        var slash = relative.IndexOf(Path.DirectorySeparatorChar);
        return slash < 0 ? relative : relative[..slash];
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
