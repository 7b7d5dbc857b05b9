namespace DockerApi.Build;

/// <summary>Go's <c>path.Clean</c> and <c>path.Dir</c> on slash-separated paths, which Docker's ignore rules are defined with.</summary>
internal static class GoPath
{
    /// <summary>The shortest equivalent path: no <c>//</c>, no <c>.</c>, <c>..</c> resolved where it can be, no trailing <c>/</c>; <c>.</c> for nothing.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
            return ".";
        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
                continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                parts.RemoveAt(parts.Count - 1);
            else if (part != ".." || !rooted)
                parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>All but the last element, cleaned: <c>a/b</c> → <c>a</c>, <c>a</c> → <c>.</c>, <c>a/</c> → <c>a</c>.</summary>
    public static string Dir(string path)
    {
        var slash = path.LastIndexOf('/');
        return Clean(slash < 0 ? "" : path[..(slash + 1)]);
    }
}
