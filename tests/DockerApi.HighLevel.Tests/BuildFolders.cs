namespace DockerApi.HighLevel.Tests;

/// <summary>What the build tests share: a context folder made for a test.</summary>
internal static class BuildFolders
{
    /// <summary>A temporary folder with <paramref name="dockerfile"/> and <paramref name="files"/> (paths below it); delete it after.</summary>
    public static string Context(string dockerfile, params (string Path, string Text)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("dapi-build-").FullName;
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
            File.WriteAllText(Path.Combine(folder, path), text);
        }
        return folder;
    }
}
