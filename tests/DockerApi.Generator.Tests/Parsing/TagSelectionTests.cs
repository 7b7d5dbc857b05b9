using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Parsing;

/// <summary><c>Tags="…"</c> on a spec item: only those areas and the types they use are generated.</summary>
public sealed class TagSelectionTests
{
    private static SpecFile Newest(string? tags) => SpecFile.Repository("1.55") with { Tags = tags };

    [Fact]
    public void Containers_images_and_system_generate_only_their_operations_and_types_and_compile_clean()
    {
        var full = GeneratorHarness.Run(Newest(null));
        var subset = GeneratorHarness.Run(Newest("Containers;Images;System"));

        subset.AssertClean();
        var names = subset.Sources.Select(s => s.HintName).ToHashSet();
        Assert.Contains("DockerApi.V1_55.IContainerApi.g.cs", names);
        Assert.Contains("DockerApi.V1_55.ContainerInspectResponse.g.cs", names);
        Assert.Contains("DockerApi.V1_55.HostConfig.g.cs", names); // reached through a property
        Assert.DoesNotContain("DockerApi.V1_55.IServiceApi.g.cs", names);
        Assert.DoesNotContain("DockerApi.V1_55.ServiceSpec.g.cs", names);
        var facade = subset.Readable("DockerApi.V1_55.DockerClient.g.cs");
        Assert.Contains("public IContainerApi Containers", facade);
        Assert.DoesNotContain("INetworkApi", facade);
        Assert.True(Lines(subset) * 10 < Lines(full) * 6, $"{Lines(subset)} generated lines of {Lines(full)}");
    }

    [Fact]
    public void A_tag_is_named_by_the_spec_or_by_the_facade_property_without_case()
    {
        var bySpec = GeneratorHarness.Run(Newest("container"));
        var byFacade = GeneratorHarness.Run(Newest(" Containers "));
        bySpec.AssertClean();
        Assert.Equal(bySpec.Sources.Select(s => s.HintName).Order(), byFacade.Sources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void An_unknown_tag_is_a_warning_naming_the_known_ones()
    {
        var run = GeneratorHarness.Run(Newest("Containers;Kubernetes"));
        var warning = Assert.Single(run.Diagnostics, d => d.Id == "DAPI014");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'Kubernetes'", warning.GetMessage());
        Assert.Contains("Containers", warning.GetMessage());
        Assert.True(warning.Location.GetLineSpan().StartLinePosition.Line > 0);
        Assert.Contains("DockerApi.V1_55.IContainerApi.g.cs", run.Sources.Select(s => s.HintName));
    }

    private static int Lines(GeneratorRun run) => run.Sources.Sum(s => s.SourceText.Lines.Count);
}
