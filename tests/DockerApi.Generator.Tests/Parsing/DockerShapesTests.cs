using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DockerApi.Generator.Tests.Infrastructure;

namespace DockerApi.Generator.Tests.Parsing;

/// <summary>What Docker's published schemas leave open is read as Docker means it (Parsing/DockerShapes.cs, spec/README.md).</summary>
public sealed class DockerShapesTests
{
    private const string Spec = """
        swagger: "2.0"
        info:
          title: "Modern"
          version: "1.41"
        paths:
          /containers/create:
            post:
              operationId: "ContainerCreate"
              tags: ["Container"]
              parameters:
                - { name: "body", in: "body", schema: { $ref: "#/definitions/Config" } }
              responses:
                200:
                  description: "usage"
                  schema: { $ref: "#/definitions/DiskUsage" }
        definitions:
          Config:
            type: "object"
            properties:
              Cmd:
                type: ["array", "string"]
                items: { type: "string" }
              ExposedPorts:
                type: "object"
                additionalProperties: { type: "object", enum: [{}], default: {} }
              Volumes:
                type: "object"
                properties:
                  additionalProperties: { type: "object", enum: [{}], default: {} }
              Mode:
                type: "object"
                properties:
                  Global: { type: "object" }
              Propagation:
                enum: ["private", "rshared"]
              Anything:
                type: "object"
          DiskUsage:
            type: "object"
            x-go-package: "github.com/moby/moby/api/types/container"
            properties:
              Items:
                type: "array"
                items:
                  x-go-type: { type: "Summary" }
          ContainerSummary:
            type: "object"
            properties:
              Id: { type: "string" }
        """;

    [Fact]
    public void Each_open_schema_gets_the_type_Docker_means()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/shapes.yaml", Spec));
        run.AssertClean();
        var config = run.Readable("DockerApi.V1_41.Config.g.cs");

        Assert.Contains("public IReadOnlyList<string>? Cmd { get; init; }", config);
        Assert.Contains("public IReadOnlyDictionary<string, EmptyObject>? ExposedPorts { get; init; }", config);
        Assert.Contains("public IReadOnlyDictionary<string, EmptyObject>? Volumes { get; init; }", config);
        Assert.Contains("public ConfigPropagation? Propagation { get; init; }", config);
        Assert.Contains("public EmptyObject? Global { get; init; }", run.Readable("DockerApi.V1_41.ConfigMode.g.cs"));
        Assert.Contains("public IReadOnlyList<ContainerSummary>? Items { get; init; }", run.Readable("DockerApi.V1_41.DiskUsage.g.cs"));
        // The one value with no shape at all stays JsonElement, and says so.
        Assert.Contains("public JsonElement? Anything { get; init; }", config);
        var freeForm = Assert.Single(run.Diagnostics, d => d.Id == "DAPI013");
        Assert.Contains("ConfigAnything", freeForm.GetMessage());
    }

    [Theory]
    [InlineData("""{"Cmd":"echo hi"}""", new[] { "echo hi" })]
    [InlineData("""{"Cmd":["sh","-c","echo hi"]}""", new[] { "sh", "-c", "echo hi" })]
    public void An_array_or_string_list_reads_either_and_writes_an_array(string json, string[] expected)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/shapes.yaml", Spec));
        var assembly = run.Load();
        var context = assembly.GetType("DockerApi.V1_41.DockerJsonContext", throwOnError: true)!;
        var instance = context.GetProperty("Default")!.GetValue(null)!;
        var info = (JsonTypeInfo)context.GetProperty("Config")!.GetValue(instance)!;

        var value = JsonSerializer.Deserialize(json, info)!;
        var cmd = ((IEnumerable)value.GetType().GetProperty("Cmd")!.GetValue(value)!).Cast<string>();

        Assert.Equal(expected, cmd);
        Assert.StartsWith("""{"Cmd":[""", JsonSerializer.Serialize(value, info));
        var ports = JsonSerializer.Deserialize("""{"ExposedPorts":{"80/tcp":{}}}""", info)!;
        Assert.Equal("""{"ExposedPorts":{"80/tcp":{}}}""", JsonSerializer.Serialize(ports, info));
    }
}
