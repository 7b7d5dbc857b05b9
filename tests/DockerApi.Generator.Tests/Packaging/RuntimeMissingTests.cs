using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerApi.Generator.Tests.Packaging;

/// <summary>A project with the generator but without DockerApi.Runtime gets one DAPI015 naming the package, not thousands of CS0246.</summary>
public sealed class RuntimeMissingTests
{
    [Fact]
    public void Without_the_runtime_one_error_names_the_package_and_nothing_is_generated()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("DockerApi.", StringComparison.Ordinal)
                && !Path.GetFileName(p).StartsWith("Refit", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Placeholder { } }", GeneratorHarness.ParseOptions)],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var run = GeneratorHarness.Driver([SpecFile.Repository("1.2")]).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _).GetRunResult();

        var error = Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("DAPI015", error.Id);
        Assert.Contains("<PackageReference Include=\"DockerApi.Runtime\"", error.GetMessage());
        Assert.Empty(run.Results.SelectMany(r => r.GeneratedSources));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
