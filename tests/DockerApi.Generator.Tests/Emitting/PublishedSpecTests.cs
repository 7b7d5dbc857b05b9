using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Emitting;

/// <summary>Docker's own published description (API 1.41), unmodified, generates a client that compiles.</summary>
public sealed class PublishedSpecTests
{
    [SkippableFact]
    public void Docker_s_published_v1_41_file_generates_code_that_compiles()
    {
        var reference = DockerApi.Tests.RepositoryPaths.Reference;
        Skip.If(reference is null, DockerApi.Tests.RepositoryPaths.ReferenceMissing);
        var path = Path.Combine(reference, "moby-swagger", "v1.41.yaml");

        var run = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path)));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        // Information only: the two operations whose connections speak another protocol (ProseStreams).
        Assert.Equal(["ContainerAttachWebsocket", "Session"], run.Diagnostics.Where(d => d.Id == "DAPI009").Select(d => d.GetMessage().Split(' ')[2]).Order());
        var problems = run.CompileProblems().Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(40)));
        Assert.Contains(run.Sources, s => s.HintName == "DockerApi.V1_41.IContainerApi.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "DockerApi.V1_41.IExecApi.g.cs");
    }
}

/// <summary>
/// Docker's published files of API 1.41 – 1.55 (Docker 20.10 to 29), unmodified: generated code that compiles with no
/// warning. (1.25 – 1.40 still stop at DAPI001: their YAML needs the tolerant reading issue 13 asks for.)
/// </summary>
public sealed class ModernPublishedSpecTests
{
    public static TheoryData<string> Versions() => new() { "1.42", "1.43", "1.44", "1.45", "1.46", "1.47", "1.48", "1.49", "1.50", "1.51", "1.52", "1.53", "1.54", "1.55" };

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public void Docker_s_published_file_generates_code_that_compiles_without_warnings(string version)
    {
        var reference = DockerApi.Tests.RepositoryPaths.Reference;
        Skip.If(reference is null, DockerApi.Tests.RepositoryPaths.ReferenceMissing);
        var path = Path.Combine(reference, "moby-swagger", $"v{version}.yaml");

        var run = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path)));

        var problems = run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Concat(run.CompileProblems()).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(20)));
    }
}
