using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using DockerApi.Tests;

namespace DockerApi.Runtime.Tests.Surface;

/// <summary>
/// What a user sees of the runtime: helpers that exist for generated code live in <c>DockerApi.Generated</c>, hidden
/// from IntelliSense; every file's namespace is its folder; the public API is frozen by PublicApiAnalyzers.
/// </summary>
public sealed partial class PublicSurfaceTests
{
    private static readonly Assembly Runtime = typeof(DockerException).Assembly;

    [Fact]
    public void Every_public_type_of_the_generated_code_namespace_is_hidden_from_IntelliSense_and_only_those_and_the_JSON_machinery_are()
    {
        var types = Runtime.GetExportedTypes();
        var generated = types.Where(t => t.Namespace == "DockerApi.Generated").ToList();
        Assert.NotEmpty(generated);
        Assert.All(generated, t => Assert.Equal(EditorBrowsableState.Never, t.GetCustomAttribute<EditorBrowsableAttribute>()?.State));
        // Below the fenced namespace, what generated code fills in: the JSON tables and converters, the form parts of a body.
        var hidden = types.Except(generated).Where(t => t.GetCustomAttribute<EditorBrowsableAttribute>() is not null).ToList();
        Assert.All(hidden, t => Assert.True(t.Namespace == "DockerApi.Serialization" || t.FullName == "DockerApi.Requests.DockerRequestContent", t.FullName));
    }

    [Fact]
    public void Every_runtime_source_file_s_namespace_is_its_folder()
    {
        var root = Path.Combine(RepositoryPaths.Root, "runtime", "DockerApi.Runtime");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!);
            var expected = folder == "." ? "DockerApi" : "DockerApi." + folder.Replace(Path.DirectorySeparatorChar, '.');
            Assert.Equal((Path.GetFileName(file), expected), (Path.GetFileName(file), Namespace().Match(File.ReadAllText(file)).Groups[1].Value));
        }
    }

    [Fact]
    public void The_declared_public_API_lists_every_public_type()
    {
        // Shipped, and what this release adds (Unshipped): every change to either is a visible diff.
        var shipped = new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(f => File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "runtime", "DockerApi.Runtime", f))).ToList();
        foreach (var type in Runtime.GetExportedTypes().Where(t => !t.IsNested))
            Assert.Contains(shipped, line => line.StartsWith(type.FullName!.Split('`')[0], StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
