using System.Text;
using DockerApi.Build;
using DockerApi.BuildKit.Wire.FileSync;

namespace DockerApi.BuildKit.Services;

/// <summary>One entry of a synced folder as the engine is told of it, and where its bytes are (a regular file's).</summary>
internal sealed record SyncEntry(Stat Stat, string FullPath, bool IsFile);

/// <summary>What the engine asks of one pull of a folder: its include, exclude and follow patterns (BuildKit's request headers).</summary>
internal sealed record SyncFilter(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, IReadOnlyList<string> FollowPaths, bool OverrideExcludes);

/// <summary>
/// A folder the engine may pull by file sync (the build context, the Dockerfile's folder), walked as fsutil walks it
/// for BuildKit's client: depth first, each folder's entries by name (byte order, as Go sorts them), links sent as links
/// and never followed; an entry the filters leave out is not sent, but a folder is sent before anything in it that is.
/// </summary>
/// <param name="root">The folder.</param>
/// <param name="excludes">The client's own exclusions (the context's <c>.dockerignore</c>), or null.</param>
internal sealed class SyncedFolder(string root, DockerIgnore? excludes)
{
    // fsutil's mode bits are Go's os.FileMode, not a unix st_mode.
    private const uint GoModeDir = 1u << 31, GoModeSymlink = 1u << 27, GoModeSetuid = 1u << 23, GoModeSetgid = 1u << 22, GoModeSticky = 1u << 20;

    private static readonly char[] PatternChars = ['*', '[', ']', '?', '^', '\\'];

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>
    /// The entries to send. The client's exclusions replace the engine's unless the engine overrides them, as the docker
    /// CLI's file sync decides; follow paths are included, and so are the targets of those that are links.
    /// </summary>
    public IEnumerable<SyncEntry> Walk(SyncFilter filter)
    {
        var include = filter.Include.Concat(FollowedPaths(filter.FollowPaths)).Distinct().ToList();
        var exclude = excludes is { Patterns.Count: > 0 } && !filter.OverrideExcludes ? excludes.Patterns : filter.Exclude;
        var walk = new Filters(
            include.Count > 0 ? DockerIgnore.FromPatterns(include) : null,
            exclude.Count > 0 ? DockerIgnore.FromPatterns(exclude) : null);
        return Visit(Root, "", walk, []);
    }

    private sealed record Filters(DockerIgnore? Include, DockerIgnore? Exclude)
    {
        // Include patterns that are plain paths (no glob but a trailing one) let a folder that none of them is under be skipped whole.
        public bool OnlyPrefixIncludes { get; } = Include is null || Include.Patterns.Where(p => p[0] != '!').All(p => WithoutTrailingGlob(p).IndexOfAny(PatternChars) < 0);

        public bool OnlyPrefixExceptions { get; } = Exclude is null || Exclude.Patterns.Where(p => p[0] == '!').All(p => WithoutTrailingGlob(p[1..]).IndexOfAny(PatternChars) < 0);
    }

    private static IEnumerable<SyncEntry> Visit(string folder, string relative, Filters walk, List<SyncEntry> pendingParents)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(folder).Order(Utf8Order.Instance))
        {
            var name = relative.Length == 0 ? Path.GetFileName(path) : relative + "/" + Path.GetFileName(path);
            var info = new FileInfo(path);
            var isLink = info.LinkTarget is not null;
            var isFolder = !isLink && info.Attributes.HasFlag(FileAttributes.Directory);
            var skip = false;
            if (walk.Include is { } include && !include.IsExcluded(name))
            {
                if (isFolder && walk.OnlyPrefixIncludes && !include.Patterns.Any(p => p[0] != '!' && Under(WithoutTrailingGlob(p), name)))
                    continue;
                skip = true;
            }
            if (walk.Exclude is { } exclude && exclude.IsExcluded(name))
            {
                if (isFolder && walk.OnlyPrefixExceptions && !exclude.Patterns.Any(p => p[0] == '!' && Under(WithoutTrailingGlob(p[1..]), name)))
                    continue;
                skip = true;
            }
            var entry = new SyncEntry(StatOf(info, name, isFolder, isLink), path, !isFolder && !isLink);
            if (!skip)
            {
                // The folders above it that were left out themselves are sent first, once.
                foreach (var parent in pendingParents)
                    yield return parent;
                pendingParents.Clear();
                yield return entry;
            }
            if (!isFolder)
                continue;
            var below = skip ? [.. pendingParents, entry] : new List<SyncEntry>();
            foreach (var child in Visit(path, name, walk, below))
            {
                if (skip)
                    pendingParents.Clear(); // sent with the first entry below that was
                yield return child;
            }
        }
    }

    private static Stat StatOf(FileInfo info, string name, bool isFolder, bool isLink)
    {
        var mode = isLink ? GoModeSymlink | 0x1FF : PermissionBits(info.UnixFileMode) | (isFolder ? GoModeDir : 0);
        return new Stat
        {
            Path = name,
            Mode = mode,
            // Owners are not sent: the docker CLI sends every file as root's (uid and gid 0).
            Size = isFolder || isLink ? 0 : info.Length,
            ModTime = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100,
            Linkname = isLink ? info.LinkTarget!.Replace('\\', '/') : "",
        };
    }

    private static uint PermissionBits(UnixFileMode mode) =>
        ((uint)mode & 0x1FF)
        | (mode.HasFlag(UnixFileMode.SetUser) ? GoModeSetuid : 0)
        | (mode.HasFlag(UnixFileMode.SetGroup) ? GoModeSetgid : 0)
        | (mode.HasFlag(UnixFileMode.StickyBit) ? GoModeSticky : 0);

    /// <summary>fsutil's test: the pattern, less a trailing <c>/**</c> or <c>/*</c>, names something inside <paramref name="folder"/>.</summary>
    private static bool Under(string pattern, string folder) => (pattern + "/").StartsWith(folder + "/", StringComparison.Ordinal);

    private static string WithoutTrailingGlob(string pattern) =>
        pattern.EndsWith("/**", StringComparison.Ordinal) ? pattern[..^3] : pattern.EndsWith("/*", StringComparison.Ordinal) ? pattern[..^2] : pattern;

    /// <summary>The follow paths, and the targets inside the folder of those that are links (fsutil's FollowLinks).</summary>
    private IEnumerable<string> FollowedPaths(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            yield return path;
            var current = path;
            // A chain of links, bounded as the kernel bounds one.
            for (var hops = 0; hops < 40 && new FileInfo(Path.Combine(Root, current)).LinkTarget is { } target; hops++)
            {
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(Root, current))!, target));
                if (!resolved.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    break;
                current = Path.GetRelativePath(Root, resolved).Replace('\\', '/');
                yield return current;
            }
        }
    }

    /// <summary>Names ordered as Go orders strings: by their UTF-8 bytes.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y) =>
            Encoding.UTF8.GetBytes(Path.GetFileName(x) ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(Path.GetFileName(y) ?? ""));
    }
}
