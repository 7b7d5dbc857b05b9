using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerApi.HighLevel.Tests;

/// <summary>The C# of the README's "Use it in your project" compiles against the DockerApi assembly as a user's program.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void The_README_sample_compiles_as_a_console_program()
    {
        var readme = File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Use it in your project", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var sample = Assert.Single(CSharpBlock().Matches(section)).Groups[1].Value;
        // The one name the sample takes from its surroundings: the bytes it writes.
        var program = Regex.Replace(sample, @"^((using [^\n]+\n)+)", "$1var bytes = new byte[16];\n");

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat([typeof(Docker).Assembly.Location, typeof(DockerException).Assembly.Location])
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("ReadmeSample", [CSharpSyntaxTree.ParseText(program, new CSharpParseOptions(LanguageVersion.Latest))],
            references, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var output = new MemoryStream();
        var emitted = compilation.Emit(output);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)) + "\n" + program);
        Assert.Empty(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
