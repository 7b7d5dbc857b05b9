using DockerApi.Generator.Tests.Infrastructure;

namespace DockerApi.Generator.Tests.Emitting;

/// <summary>The generated code compiles with nullable analysis on and no warning at all.</summary>
public sealed class CompileTests
{
    /// <summary>Every file of spec/: the 2013 versions written by us and each of Docker's that we ship.</summary>
    public static TheoryData<string> Shipped() =>
        [.. Directory.GetFiles(DockerApi.Tests.RepositoryPaths.Spec, "docker-v*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)["docker-v".Length..]).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Generated_client_compiles_without_warnings(string version)
    {
        var run = GeneratorHarness.Run(SpecFile.Repository(version, includeUndocumented: true));
        run.AssertClean();
    }

    [Fact]
    public void All_three_versions_compile_together_in_one_project()
    {
        var run = GeneratorHarness.Run(SpecFile.Repository("1.0"), SpecFile.Repository("1.1"), SpecFile.Repository("1.2"));
        run.AssertClean();
        Assert.Contains(run.Sources, s => s.HintName == "DockerApi.V1_0.IContainerApi.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "DockerApi.V1_2.DockerClient.g.cs");
    }

    /// <summary>Code written against one version compiles against the next: the facade's names are Docker's display names in every version.</summary>
    [Theory]
    [InlineData("1.2")]
    [InlineData("1.41")]
    [InlineData("1.55")]
    public void The_same_code_compiles_against_every_version(string version)
    {
        var consumer = $$"""
            using System.Threading.Tasks;
            using DockerApi.V{{version.Replace('.', '_')}};
            // Docker's Swarm task is a generated Task from 1.25 on: a file that imports both names the framework's.
            using Task = System.Threading.Tasks.Task;

            namespace Consumer;

            internal static class SameCode
            {
                public static async Task RunAsync(DockerClient docker)
                {
                    var containers = await docker.Containers.ListAsync(all: true);
                    await foreach (var message in docker.Images.CreateAsync(fromImage: "busybox", tag: "latest"))
                        _ = message;
                    var version = await docker.System.VersionAsync();
                    _ = (containers.Count, version.Version);
                }
            }
            """;
        GeneratorHarness.Driver([SpecFile.Repository(version)]).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(consumer), out var output, out _);

        var problems = output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }
}
