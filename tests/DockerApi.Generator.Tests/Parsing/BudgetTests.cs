using System.Text;
using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Parsing;

/// <summary>
/// Specs that once took the compiler process down (a stack overflow no catch survives) or took minutes: each is a
/// DAPI010 error at its position now, and nothing is generated from it.
/// </summary>
public sealed class BudgetTests
{
    private static string Spec(string definitions) => $$"""
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
                    $ref: "#/definitions/A"
        definitions:
        {{definitions}}
        """;

    private static Diagnostic Dapi010(string yaml)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", yaml));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DAPI099");
        Assert.Empty(run.Sources);
        return Assert.Single(run.Diagnostics, d => d.Id == "DAPI010");
    }

    private static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;

    [Fact]
    public void An_allOf_cycle_is_reported_at_the_part_that_closes_it()
    {
        var d = Dapi010(Spec("""
              A:
                allOf:
                  - $ref: "#/definitions/B"
              B:
                allOf:
                  - $ref: "#/definitions/A"
                  - type: "object"
                    properties:
                      X:
                        type: "string"
            """));
        Assert.Contains("allOf cycle", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""
          A:
            type: "array"
            items:
              $ref: "#/definitions/A"
        """)]
    [InlineData("""
          A:
            type: "object"
            additionalProperties:
              $ref: "#/definitions/A"
        """)]
    [InlineData("""
          A:
            type: "array"
            items:
              $ref: "#/definitions/B"
          B:
            type: "object"
            additionalProperties:
              $ref: "#/definitions/A"
        """)]
    public void A_definition_that_is_an_array_or_map_of_itself_is_reported_where_it_refers_back(string definitions)
    {
        var yaml = Spec(definitions);
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", yaml));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DAPI099");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        var d = Assert.Single(run.Diagnostics, d => d.Id == "DAPI010");
        Assert.Contains("contains itself through arrays or maps only", d.GetMessage(), StringComparison.Ordinal);
        // At the $ref that closes the cycle.
        Assert.Contains("$ref", yaml.Split('\n')[Line(d) - 1], StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("""
          A:
            $ref: "#/definitions/A"
        """, "A → A")]
    [InlineData("""
          A:
            $ref: "#/definitions/B"
          B:
            allOf:
              - $ref: "#/definitions/A"
        """, "A → B → A")]
    public void A_definition_that_is_only_a_ref_back_to_itself_is_reported_with_the_cycle(string definitions, string cycle)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec(definitions)));
        var found = run.Diagnostics.Where(d => d.Id == "DAPI010").Select(d => d.GetMessage()).ToList();
        Assert.NotEmpty(found);
        Assert.Contains(found, m => m.Contains(cycle, StringComparison.Ordinal));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_YAML_alias_inside_its_own_anchor_is_reported_at_the_alias()
    {
        var yaml = Spec("""
              A: &r
                type: "object"
                properties:
                  Me: *r
            """);
        var d = Dapi010(yaml);
        Assert.Contains("*r", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.Contains("Me: *r", StringComparison.Ordinal)) + 1, Line(d));
    }

    [Fact]
    public void Nesting_ten_thousand_deep_is_reported_not_a_stack_overflow()
    {
        var deep = new StringBuilder("  A: ");
        for (var i = 0; i < 10_000; i++)
            deep.Append("{p: ");
        deep.Append('x').Append('}', 10_000);
        var d = Dapi010(Spec(deep.ToString()));
        Assert.Contains("deeper than", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void An_alias_bomb_is_reported_before_it_is_expanded(int depth)
    {
        var bomb = new StringBuilder("  A:\n    type: \"object\"\n    properties:\n      L0: &l0 {type: \"object\", properties: {X: {type: \"string\"}, Y: {type: \"integer\"}}}\n");
        for (var level = 1; level <= depth; level++)
        {
            var refs = string.Join(", ", Enumerable.Range(0, 10).Select(i => $"P{i}: *l{level - 1}"));
            bomb.Append($"      L{level}: &l{level} {{type: \"object\", properties: {{{refs}}}}}\n");
        }
        var d = Dapi010(Spec(bomb.ToString()));
        Assert.Contains("expand to more than", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_within_the_budget_are_read_as_the_schemas_they_stand_for()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec("""
              A:
                type: "object"
                properties:
                  First: &name {type: "string"}
                  Second: *name
            """)));
        run.AssertClean();
        Assert.Contains("public string? Second { get; init; }", run.Source("DockerApi.V1_2.A.g.cs"), StringComparison.Ordinal);
    }
}
