namespace DockerApi.Tests;

/// <summary>Finds the repository's own folders and the shared reference material beside the clone.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>Generated.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    public static string Spec => Path.Combine(Root, "spec");

    /// <summary>
    /// <c>../shared/reference</c> beside the clone, or the folder named by <c>DOCKERAPI_REFERENCE</c>;
    /// null when neither exists (a clone outside our CI).
    /// </summary>
    public static string? Reference
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("DOCKERAPI_REFERENCE");
            if (!string.IsNullOrEmpty(fromEnvironment))
                return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
            var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
            return Directory.Exists(beside) ? beside : null;
        }
    }

    public const string ReferenceMissing =
        "../shared/reference is not beside this clone (set DOCKERAPI_REFERENCE to its path to run this test)";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generated.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Generated.sln not found above {AppContext.BaseDirectory}");
    }
}
