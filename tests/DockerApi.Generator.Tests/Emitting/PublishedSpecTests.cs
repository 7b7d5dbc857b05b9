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
