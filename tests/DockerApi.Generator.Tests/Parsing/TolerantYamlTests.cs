using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Parsing;

/// <summary>Docker's YAML read as Docker's tooling reads it, and nothing more tolerant than that.</summary>
public sealed class TolerantYamlTests
{
    private static string Spec(string description) => $$"""
        swagger: "2.0"
        info:
          title: "Test API"
          version: "1.2"
        paths:
          /things:
            get:
              operationId: "ThingList"
              tags: ["Thing"]
              responses:
                200:
                  description: "The things."
                  schema:
                    $ref: "#/definitions/Thing"
        definitions:
          Thing:
            type: "object"
            properties:
              SecurityOpt:
                type: "array"
        {{description}}
                items:
                  type: "string"
        """;

    [Fact]
    public void A_double_quoted_value_continued_at_its_key_s_indentation_is_read_as_PyYAML_reads_it()
    {
        // API 1.40, line 996 of Docker's file, as published.
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec("""
                    description: "A list of string values to customize labels for MLS
                    systems, such as SELinux."
            """)));

        run.AssertClean();
        Assert.Contains("/// A list of string values to customize labels for MLS systems, such as SELinux.", run.Source("DockerApi.V1_2.Thing.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_quote_does_not_end_the_value_early()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec("""
                    description: "Labels such as \"level\" for MLS
                    systems, \"SELinux\" among them."
            """)));

        run.AssertClean();
        Assert.Contains("Labels such as \"level\" for MLS systems, \"SELinux\" among them.", run.Source("DockerApi.V1_2.Thing.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_syntax_error_is_still_DAPI001_where_it_stands()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec("""
                    description: "A value that never ends
                    items: [
            """)));
        var d = Assert.Single(run.Diagnostics, d => d.Id == "DAPI001");
        Assert.Empty(run.Sources);
        Assert.True(d.Location.GetLineSpan().StartLinePosition.Line >= 19);
    }

    [SkippableTheory]
    [InlineData("1.25")]
    [InlineData("1.30")]
    [InlineData("1.39")]
    [InlineData("1.40")]
    public void Docker_s_older_published_files_are_read_and_compile(string version)
    {
        var reference = DockerApi.Tests.RepositoryPaths.Reference;
        Skip.If(reference is null, DockerApi.Tests.RepositoryPaths.ReferenceMissing);
        var path = Path.Combine(reference, "moby-swagger", $"v{version}.yaml");

        var run = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path)));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var problems = run.CompileProblems().Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(20)));
    }
}
