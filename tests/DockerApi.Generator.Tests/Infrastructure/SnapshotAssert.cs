using System.Runtime.CompilerServices;
using DiffPlex.Renderer;

namespace DockerApi.Generator.Tests.Infrastructure;

/// <summary>
/// Compares text with <c>Snapshots/&lt;folder&gt;/&lt;name&gt;.verified.cs</c> beside the test. On a mismatch it writes
/// <c>.received.cs</c> and fails with a unified diff; <c>UPDATE_SNAPSHOTS=1</c> accepts the new text.
/// </summary>
internal static class SnapshotAssert
{
    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    public static string Folder(string folder, [CallerFilePath] string testFile = "") =>
        Path.Combine(Path.GetDirectoryName(testFile)!, "..", "Snapshots", folder);

    /// <summary>Null when <paramref name="actual"/> matches; else the failure text.</summary>
    public static string? Check(string actual, string folder, string name)
    {
        actual = actual.Replace("\r\n", "\n");
        Directory.CreateDirectory(folder);
        var verified = Path.Combine(folder, name + ".verified.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : "";
        if (expected == actual)
        {
            File.Delete(received);
            return null;
        }
        if (Updating)
        {
            File.WriteAllText(verified, actual);
            return null;
        }
        File.WriteAllText(received, actual);
        var diff = UnidiffRenderer.GenerateUnidiff(expected, actual, Path.GetFileName(verified), Path.GetFileName(received), false, false, 3);
        return $"Snapshot mismatch for {name} ({(File.Exists(verified) ? "changed" : "new snapshot")}). Received written to {received}. Accept with UPDATE_SNAPSHOTS=1.\n{diff}";
    }

    /// <summary>Verified snapshots in <paramref name="folder"/> that no longer have a file to compare with.</summary>
    public static IEnumerable<string> Stale(string folder, IEnumerable<string> names)
    {
        var current = names.Select(n => n + ".verified.cs").ToHashSet();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.verified.cs") : [])
        {
            if (current.Contains(Path.GetFileName(file)))
                continue;
            if (Updating)
                File.Delete(file);
            else
                yield return $"Stale snapshot {Path.GetFileName(file)}: the generator no longer emits it (UPDATE_SNAPSHOTS=1 removes it).";
        }
    }
}
