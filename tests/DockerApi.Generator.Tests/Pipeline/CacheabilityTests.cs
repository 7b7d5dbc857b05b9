using System.Collections;
using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerApi.Generator.Tests.Pipeline;

/// <summary>
/// The pipeline caches: a rerun with nothing changed, or after an unrelated C# edit, does no work; editing one spec
/// regenerates that spec only; and editing a spec does change the output.
/// </summary>
public sealed class CacheabilityTests
{
    private static readonly string[] Steps =
    [
        DockerApiGenerator.Steps.Inputs, DockerApiGenerator.Steps.Parsed, DockerApiGenerator.Steps.Diagnostics,
        DockerApiGenerator.Steps.Models, DockerApiGenerator.Steps.Units,
    ];

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun(params SpecFile[] specs)
    {
        var compilation = GeneratorHarness.Compilation("namespace Consumer { internal static class A { } }");
        return (GeneratorHarness.Driver(specs, trackSteps: true).RunGenerators(compilation), compilation);
    }

    private static IEnumerable<(string Step, object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps
            .Where(s => Steps.Contains(s.Key))
            .SelectMany(s => s.Value.SelectMany(run => run.Outputs.Select(o => (s.Key, o.Value, o.Reason))));

    private static void AssertAllCached(GeneratorDriver driver)
    {
        var outputs = Outputs(driver).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{o.Step} output {o.Value} was {o.Reason}"));
    }

    [Fact]
    public void A_rerun_with_nothing_changed_is_all_cached()
    {
        var (driver, compilation) = FirstRun(SpecFile.Repository("1.0"), SpecFile.Repository("1.2"));
        AssertAllCached(driver.RunGenerators(compilation.Clone()));
    }

    [Fact]
    public void An_unrelated_csharp_edit_is_all_cached()
    {
        var (driver, compilation) = FirstRun(SpecFile.Repository("1.1"));
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class B { } }", GeneratorHarness.ParseOptions));
        AssertAllCached(driver.RunGenerators(edited));
    }

    [Fact]
    public void Editing_the_v1_1_spec_leaves_v1_0_and_v1_2_cached()
    {
        var specs = new[] { SpecFile.Repository("1.0"), SpecFile.Repository("1.1"), SpecFile.Repository("1.2") };
        var (driver, compilation) = FirstRun(specs);
        var old = driver.GetRunResult().Results.Single().GeneratedSources;

        var v11 = specs[1];
        var editedText = v11.Text.Replace("description: \"Number of containers.\"", "description: \"How many containers there are.\"");
        Assert.NotEqual(v11.Text, editedText);
        driver = driver.ReplaceAdditionalText(v11.Additional, new InMemoryAdditionalText(v11.Path, editedText)).RunGenerators(compilation);

        var models = Outputs(driver).Where(o => o.Step == DockerApiGenerator.Steps.Parsed).ToList();
        Assert.Equal(3, models.Count);
        foreach (var (_, value, reason) in models)
        {
            var path = ((DockerApi.Generator.Model.ParseResult)value).Path;
            if (path == v11.Path)
                Assert.Equal(IncrementalStepRunReason.Modified, reason);
            else
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{path} was {reason}");
        }
        // ... and the edit reaches the generated code: the regenerate-on-spec-edit promise.
        var newInfo = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "DockerApi.V1_1.SystemInfo.g.cs").SourceText.ToString();
        Assert.Contains("How many containers there are.", newInfo);
        Assert.DoesNotContain("How many containers there are.", old.Single(s => s.HintName == "DockerApi.V1_1.SystemInfo.g.cs").SourceText.ToString());
    }

    [Fact]
    public void An_edit_that_does_not_change_the_model_emits_nothing_new()
    {
        // Only value equality of the model can tell that a comment edit changed nothing.
        var spec = SpecFile.Repository("1.2");
        var (driver, compilation) = FirstRun(spec);
        var edited = spec.Text + "\n# A comment at the end of the file.\n";
        driver = driver.ReplaceAdditionalText(spec.Additional, new InMemoryAdditionalText(spec.Path, edited)).RunGenerators(compilation);

        var outputs = Outputs(driver).ToList();
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(outputs, o => o.Step == DockerApiGenerator.Steps.Inputs).Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(outputs, o => o.Step == DockerApiGenerator.Steps.Parsed).Reason);
    }

    private static GeneratorDriver Edit(GeneratorDriver driver, Compilation compilation, SpecFile spec, string edited)
    {
        Assert.NotEqual(spec.Text, edited);
        return driver.ReplaceAdditionalText(spec.Additional, new InMemoryAdditionalText(spec.Path, edited)).RunGenerators(compilation);
    }

    private static List<(string Step, object Value, IncrementalStepRunReason Reason)> Units(GeneratorDriver driver) =>
        Outputs(driver).Where(o => o.Step == DockerApiGenerator.Steps.Units).ToList();

    private static bool Kept(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    [Fact]
    public void A_comment_at_the_top_moves_the_diagnostics_and_re_emits_no_file()
    {
        // v1.41 has diagnostics (DAPI009 for the WebSocket and h2c operations): a line added above them moves them.
        var spec = SpecFile.Repository("1.41");
        var (driver, compilation) = FirstRun(spec);
        driver = Edit(driver, compilation, spec, "# A comment at the top.\n" + spec.Text);

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(driver), o => o.Step == DockerApiGenerator.Steps.Diagnostics).Reason);
        var units = Units(driver);
        Assert.True(units.Count > 250, $"{units.Count} units");
        Assert.All(units, u => Assert.True(Kept(u.Reason), $"{((DockerApi.Generator.Model.SourceUnit)u.Value).HintName} was {u.Reason}"));
    }

    [Fact]
    public void A_whitespace_edit_re_emits_no_file()
    {
        var spec = SpecFile.Repository("1.2");
        var (driver, compilation) = FirstRun(spec);
        driver = Edit(driver, compilation, spec, spec.Text.Replace("\npaths:\n", "\n\n\npaths:   \n", StringComparison.Ordinal));
        Assert.All(Units(driver), u => Assert.True(Kept(u.Reason), $"{((DockerApi.Generator.Model.SourceUnit)u.Value).HintName} was {u.Reason}"));
    }

    [Fact]
    public void A_description_edit_of_one_definition_re_emits_exactly_its_file()
    {
        var spec = SpecFile.Repository("1.2");
        var (driver, compilation) = FirstRun(spec);
        driver = Edit(driver, compilation, spec, spec.Text.Replace("description: \"Go version of the build; omitted when unknown.\"",
            "description: \"The Go version the daemon was built with.\"", StringComparison.Ordinal));

        var changed = Units(driver).Where(u => !Kept(u.Reason)).Select(u => ((DockerApi.Generator.Model.SourceUnit)u.Value).HintName).ToList();
        Assert.Equal(["DockerApi.V1_2.SystemVersion.g.cs"], changed);
    }

    [Fact]
    public void Adding_a_property_to_a_spec_adds_it_to_the_client()
    {
        var spec = SpecFile.Repository("1.2");
        var (driver, compilation) = FirstRun(spec);
        var edited = spec.Text.Replace("""
              GoVersion:
                description: "Go version of the build; omitted when unknown."
                type: "string"
        """, """
              GoVersion:
                description: "Go version of the build; omitted when unknown."
                type: "string"
              Arch:
                description: "Architecture of the daemon."
                type: "string"
        """);
        Assert.NotEqual(spec.Text, edited);
        driver = driver.ReplaceAdditionalText(spec.Additional, new InMemoryAdditionalText(spec.Path, edited)).RunGenerators(compilation);
        var version = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "DockerApi.V1_2.SystemVersion.g.cs").SourceText.ToString();
        Assert.Contains("public string? Arch { get; init; }", version);
    }

    [Fact]
    public void Step_outputs_hold_no_roslyn_objects()
    {
        var (driver, _) = FirstRun(SpecFile.Repository("1.2"));
        foreach (var (step, value, _) in Outputs(driver))
            AssertPlainData(value, step, depth: 0);
    }

    // Symbols, syntax, compilations or locations in a step's output root old compilations and defeat caching.
    private static void AssertPlainData(object? value, string step, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
            return;
        Assert.False(value is ISymbol or SyntaxNode or Compilation or Location or AdditionalText or SemanticModel,
            $"{step} output holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
                AssertPlainData(item, step, depth + 1);
            return;
        }
        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            AssertPlainData(property.GetValue(value), step, depth + 1);
    }
}
