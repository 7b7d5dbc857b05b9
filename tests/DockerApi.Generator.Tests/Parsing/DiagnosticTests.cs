using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Parsing;

/// <summary>Each broken spec gives its diagnostic, with a message that says how to fix it, at the right line and column.</summary>
public sealed class DiagnosticTests
{
    private const string Valid = """
        swagger: "2.0"
        info:
          title: "Test API"
          version: "1.2"
        paths:
          /things/{id}:
            get:
              operationId: "ThingInspect"
              tags: ["Thing"]
              parameters:
                - name: "id"
                  in: "path"
                  required: true
                  type: "string"
              responses:
                200:
                  description: "The thing."
                  schema:
                    $ref: "#/definitions/Thing"
        definitions:
          Thing:
            type: "object"
            properties:
              Name:
                type: "string"
        """;

    private static Diagnostic Single(string yaml, string id)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", yaml));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        return Assert.Single(run.Diagnostics, d => d.Id == id);
    }

    /// <summary>Line and column as an editor shows them (1-based).</summary>
    private static (string Path, int Line, int Column) Where(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    [Fact]
    public void DAPI012_a_json_progress_stream_whose_messages_have_no_error_property()
    {
        var yaml = Valid.Replace("operationId: \"ThingInspect\"", "operationId: \"ThingInspect\"\n      x-docker-stream: \"json-progress\"", StringComparison.Ordinal);
        var d = Single(yaml, "DAPI012");
        Assert.Contains("ThingInspect", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(20, Where(d).Line); // the message schema ($ref: "#/definitions/Thing")
    }

    [Fact]
    public void The_valid_spec_has_no_diagnostics_and_compiles()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Valid));
        run.AssertClean();
        Assert.Contains(run.Sources, s => s.HintName == "DockerApi.V1_2.IThingApi.g.cs");
    }

    [Fact]
    public void DAPI001_invalid_yaml()
    {
        var d = Single(Valid.Replace("  title: \"Test API\"", "  title: \"Test API\n  : bad"), "DAPI001");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.StartsWith("The spec is not valid YAML: ", d.GetMessage());
        Assert.Equal(("/specs/test.yaml", 3, 10), Where(d));
    }

    [Fact]
    public void DAPI002_unknown_ref()
    {
        var d = Single(Valid.Replace("#/definitions/Thing", "#/definitions/Thnig"), "DAPI002");
        Assert.Equal("'$ref: #/definitions/Thnig' does not name a definition of this file. Use '#/definitions/<Name>' with a name under 'definitions'.", d.GetMessage());
        Assert.Equal(("/specs/test.yaml", 19, 19), Where(d));
    }

    [Fact]
    public void DAPI003_duplicate_operationId()
    {
        var yaml = Valid.Replace("definitions:", """
              /other:
                get:
                  operationId: "ThingInspect"
                  responses:
                    204:
                      description: "Nothing."
            definitions:
            """);
        var d = Single(yaml, "DAPI003");
        Assert.Equal("operationId 'ThingInspect' is already used by GET /things/{id}. Give each operation a unique operationId.", d.GetMessage());
        Assert.Equal(("/specs/test.yaml", 22, 20), Where(d));
    }

    [Fact]
    public void DAPI004_undeclared_path_parameter()
    {
        var d = Single(Valid.Replace("/things/{id}:", "/things/{id}/{part}:"), "DAPI004");
        Assert.Equal("The path '/things/{id}/{part}' has the parameter '{part}' but the operation declares no 'in: path' parameter named 'part'. Declare it, with 'required: true'.", d.GetMessage());
        Assert.Equal(("/specs/test.yaml", 6, 3), Where(d));
    }

    [Fact]
    public void DAPI005_unsupported_schema_becomes_JsonElement_with_a_warning()
    {
        var yaml = Valid.Replace("""
                  Name:
                    type: "string"
            """, """
                  Name:
                    type: "string"
                  Value:
                    oneOf:
                      - type: "string"
                      - type: "integer"
            """);
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", yaml));
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("DAPI005", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("oneOf/anyOf is not supported here, so ThingValue is generated as JsonElement (describe the value with one schema)", d.GetMessage());
        Assert.Equal(("/specs/test.yaml", 27, 9), Where(d));
        Assert.Contains("public JsonElement? Value { get; init; }", run.Readable("DockerApi.V1_2.Thing.g.cs"));
        Assert.Empty(run.CompileProblems());
    }

    [Theory]
    [InlineData("swagger: \"2.0\"", "swagger: \"3.0\"", "The spec must be Swagger 2.0 ('swagger: \"2.0\"'); found '3.0'.", 1, 10)]
    [InlineData("  version: \"1.2\"", "  version: \"latest\"", "'info.version' must be the API version, such as \"1.2\"; found 'latest'.", 4, 12)]
    [InlineData("  Thing:\n    type: \"object\"\n    properties:\n      Name:\n        type: \"string\"", "  Thing: \"a string\"", "The definition 'Thing' must be a schema (a mapping with 'type', 'properties', …).", 21, 10)]
    public void DAPI006_unusable_spec(string find, string replace, string message, int line, int column)
    {
        var d = Single(Valid.Replace(find, replace), "DAPI006");
        Assert.Equal(message, d.GetMessage());
        Assert.Equal(("/specs/test.yaml", line, column), Where(d));
    }

    [Fact]
    public void DAPI007_unknown_stream_kind()
    {
        var d = Single(Valid.Replace("      tags: [\"Thing\"]", "      tags: [\"Thing\"]\n      x-docker-stream: \"server-sent-events\""), "DAPI007");
        Assert.Equal("'x-docker-stream: server-sent-events' is not a known value; use one of: hijack, hijack-upgrade, json-progress, json-values, text-progress, build-output, binary. See spec/README.md.", d.GetMessage());
        Assert.Equal(("/specs/test.yaml", 10, 24), Where(d));
    }

    [Fact]
    public void DAPI008_operation_without_operationId()
    {
        var d = Single(Valid.Replace("      operationId: \"ThingInspect\"\n", ""), "DAPI008");
        Assert.Equal("The operation GET /things/{id} has no operationId. Add one in NounVerb form, such as ContainerList.", d.GetMessage());
        Assert.Equal(("/specs/test.yaml", 8, 7), Where(d));
    }

    [Fact]
    public void DAPI099_a_failure_inside_the_generator_is_a_diagnostic_not_a_crash()
    {
        // Roslyn never hands over a null text; the parser's last-resort handler must still turn it into a diagnostic.
        var result = DockerApi.Generator.Parsing.SpecParser.Parse(new DockerApi.Generator.Model.SpecInput("/specs/test.yaml", null!, null, false), default);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal("DAPI099", info.Id);
        Assert.Null(result.Model);
        Assert.StartsWith("The DockerApi generator failed on this spec: ArgumentNullException", DockerApi.Generator.Diagnostics.DiagnosticBag.ToDiagnostic(info).GetMessage());
    }

    [Fact]
    public void Files_without_the_DockerApiSpec_metadata_are_ignored()
    {
        var driver = GeneratorHarness.Driver([])
            .AddAdditionalTexts([new InMemoryAdditionalText("/other/config.yaml", "not: [a spec")]);
        var result = driver.RunGenerators(GeneratorHarness.Compilation("class C { }")).GetRunResult();
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedTrees);
    }
}

/// <summary>The descriptor table the diagnostics pipeline looks ids up in is complete and matches the release notes.</summary>
public sealed class DiagnosticTableTests
{
    [Fact]
    public void Every_descriptor_is_in_the_table_once_and_in_the_release_notes()
    {
        var declared = typeof(DockerApi.Generator.Diagnostics.DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        var table = DockerApi.Generator.Diagnostics.DiagnosticDescriptors.All;

        Assert.Equal(declared.Select(d => d.Id).Order(), table.Select(d => d.Id).Order());
        Assert.Equal(table.Length, table.Select(d => d.Id).Distinct().Count());
        var notes = File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Root, "generator", "DockerApi.Generator", "AnalyzerReleases.Unshipped.md"));
        foreach (var d in table)
            Assert.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity} | {d.Title}", notes, StringComparison.Ordinal);
    }
}
