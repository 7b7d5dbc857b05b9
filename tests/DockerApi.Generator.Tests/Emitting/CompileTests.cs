using DockerApi.Generator.Tests.Infrastructure;

namespace DockerApi.Generator.Tests.Emitting;

/// <summary>The generated code compiles with nullable analysis on and no warning at all.</summary>
public sealed class CompileTests
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("1.2")]
    [InlineData("1.41")] // our import of Docker's published file (spec/docker-v1.41.yaml)
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
}
