using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Parsing;

/// <summary>
/// The smallest reproducers the fuzz harness and the hardening review found: names C# or our own generated members
/// already use, names that differ only in case, values C# cannot hold. Each generates code that compiles, with
/// DAPI011 (information) where a name had to change, or a DAPI error that says why nothing was generated.
/// </summary>
public sealed class NameTests
{
    private static string Spec(string tags, string parameters, string definitions) => $$"""
        swagger: "2.0"
        info:
          title: "Test API"
          version: "1.2"
        paths:
          /things/{id}:
            get:
              operationId: "ThingInspect"
              tags: [{{tags}}]
              parameters:
                - name: "id"
                  in: "path"
                  required: true
                  type: "string"
        {{parameters}}
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
        {{definitions}}
        """;

    private static GeneratorRun Clean(string yaml)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", yaml));
        run.AssertClean();
        return run;
    }

    private static IEnumerable<string> Renamed(GeneratorRun run) =>
        run.Diagnostics.Where(d => d.Id == "DAPI011").Select(d => d.GetMessage());

    [Fact]
    public void Properties_named_like_record_members_are_renamed_and_keep_their_wire_names()
    {
        var members = new[] { "ToString", "Equals", "GetHashCode", "Clone", "EqualityContract", "Deconstruct", "PrintMembers", "GetType" };
        var run = Clean(Spec("\"Thing\"", "", $$"""
              Odd:
                type: "object"
                properties:
            {{string.Join("\n", members.Select(m => $"      {m}:\n        type: \"string\""))}}
                  password:
                    type: "string"
            """));
        var source = run.Source("DockerApi.V1_2.Odd.g.cs");
        var json = run.Source("DockerApi.V1_2.DockerJsonContext.g.cs");
        foreach (var member in members)
        {
            Assert.Contains($"new(\"{member}\", global::DockerApi.Serialization.JsonValues.String)", json, StringComparison.Ordinal);
            Assert.Contains($"{member}Value = (string?)values[", json, StringComparison.Ordinal);
            Assert.Contains($"{member}Value {{ get; init; }}", source, StringComparison.Ordinal);
        }
        Assert.Equal(members.Length, Renamed(run).Count());
    }

    [Fact]
    public void Enum_values_and_varnames_that_are_no_identifiers_or_are_taken_get_usable_names()
    {
        var run = Clean(Spec("\"Thing\"", "", """
              Kind:
                type: "string"
                enum: ["a", "b", "c", "d", "e", "f"]
                x-enum-varnames: ["1x", "-", "😀", "class", "Value", "ToString"]
              Level:
                type: "integer"
                enum: [1, 2, 3]
                x-enum-varnames: ["Equals", "a b", "GetHashCode"]
            """));
        Assert.Equal(9, Renamed(run).Count(m => m.Contains("an enum member", StringComparison.Ordinal)));
        var kind = run.Source("DockerApi.V1_2.Kind.g.cs");
        Assert.Contains("_1x { get; } = new(\"a\")", kind, StringComparison.Ordinal);
        Assert.Contains("Class { get; } = new(\"d\")", kind, StringComparison.Ordinal);
        Assert.Contains("ToStringValue { get; } = new(\"f\")", kind, StringComparison.Ordinal);
        foreach (var value in new[] { "b", "c", "e" }) // "-", the emoji and Value: no letters, or taken
            Assert.Matches($"ValueValue\\d* {{ get; }} = new\\(\"{value}\"\\)", kind);
    }

    [Fact]
    public void Definitions_named_like_namespaces_or_context_members_compile()
    {
        var run = Clean(Spec("\"Thing\"", "", """
              System:
                type: "object"
                properties:
                  A: {type: "string"}
              Default:
                type: "object"
                properties:
                  B: {type: "string"}
              Options:
                type: "object"
                properties:
                  C: {type: "string"}
              ThingJson:
                type: "object"
                properties:
                  D: {type: "string"}
            """));
        Assert.Contains(run.Sources, s => s.HintName == "DockerApi.V1_2.System.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "DockerApi.V1_2.ThingJson2.g.cs");
        // The types keep their names; the context's own Default and Options stay, and those types' infos take a "_".
        var context = run.Source("DockerApi.V1_2.DockerJsonContext.g.cs");
        Assert.Contains("global::DockerApi.V1_2.Default> Default_ =>", context, StringComparison.Ordinal);
        Assert.Contains("global::DockerApi.V1_2.Options> Options_ =>", context, StringComparison.Ordinal);
    }

    [Fact]
    public void Definitions_named_like_framework_and_runtime_types_keep_their_names()
    {
        // Emitted code names every outside type with global::, so none of these shadows anything (Docker's Swarm Task
        // among them): no list of reserved names, and no rename.
        var names = new[] { "Task", "Stream", "CancellationToken", "HttpClient", "JsonElement", "DockerApiException", "DockerCall", "JsonValues", "Refit", "Type" };
        var definitions = string.Concat(names.Select(n => $$"""
              {{n}}:
                type: "object"
                properties:
                  Id: {type: "string"}
                  Next: {$ref: "#/definitions/{{n}}"}

            """));
        var holder = string.Concat(names.Select(n => $"                  {n}: {{$ref: \"#/definitions/{n}\"}}\n"));
        var run = Clean(Spec("\"Thing\"", "", definitions + "      Holder:\n        type: \"object\"\n        properties:\n" + holder));
        Assert.Empty(Renamed(run));
        foreach (var name in names)
            Assert.Contains($"public sealed partial record {name}", run.Source($"DockerApi.V1_2.{name}.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_named_like_another_s_JSON_factory_compiles()
    {
        Clean(Spec("\"Thing\"", "", """
              CreateThing:
                type: "object"
                properties:
                  A: {type: "string"}
            """));
    }

    [Fact]
    public void Definitions_named_like_the_members_of_a_property_table_compile()
    {
        // Each type's JSON class holds Value, _shape, Read, Create and Write; the table names the runtime's JsonValues.
        var run = Clean(Spec("\"Thing\"", "", """
              Holder:
                type: "object"
                properties:
                  A: {$ref: "#/definitions/Create"}
                  B: {$ref: "#/definitions/Read"}
                  C: {type: "array", items: {$ref: "#/definitions/Write"}}
                  D: {type: "object", additionalProperties: {$ref: "#/definitions/Shape"}}
                  E: {$ref: "#/definitions/JsonValues"}
                  F: {$ref: "#/definitions/Value"}
              Create:
                type: "object"
                properties:
                  Create: {$ref: "#/definitions/Create"}
              Read: {type: "object", properties: {X: {type: "string"}}}
              Write: {type: "object", properties: {X: {type: "integer"}}}
              Shape: {type: "object", properties: {X: {type: "boolean"}}}
              JsonValues: {type: "object", properties: {X: {type: "string"}}}
              Value:
                type: "object"
                properties:
                  Value: {$ref: "#/definitions/Value"}
            """));
        var json = run.Source("DockerApi.V1_2.DockerJsonContext.g.cs");
        Assert.Contains("new(\"A\", global::DockerApi.V1_2.CreateJson.Value)", json, StringComparison.Ordinal);
        Assert.Contains("new(\"Value\", global::DockerApi.V1_2.ValueJson.Value)", json, StringComparison.Ordinal);
        Assert.Contains(run.Sources, s => s.HintName == "DockerApi.V1_2.JsonValues.g.cs");
    }

    [Theory]
    [InlineData("\"DockerClient\"")]
    [InlineData("\"HttpClient\"")]
    [InlineData("\"Settings\"")]
    [InlineData("\"Dispose\"")]
    public void Tags_named_like_DockerClient_members_compile(string tag) => Clean(Spec(tag, "", ""));

    [Fact]
    public void Names_that_differ_only_in_case_get_distinct_file_names()
    {
        var yaml = Spec("\"foo-bar\"", "", """
              THING:
                type: "object"
                properties:
                  X: {type: "string"}
            """).Replace("paths:", """
            paths:
              /others:
                get:
                  operationId: "OtherList"
                  tags: ["FooBar"]
                  responses:
                    204:
                      description: "None."
            """.TrimEnd() , StringComparison.Ordinal);
        var run = Clean(yaml);
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("x-docker-stream: \"json-progress\"")]
    [InlineData("x-docker-stream: \"hijack\"")]
    public void Parameters_named_like_the_method_s_own_locals_keep_their_names(string stream)
    {
        // Every local and parameter of ours, in a plain, a streaming (IProgress extension) and a framed (output extension)
        // operation: the spec's names stay, ours step aside.
        var names = new[] { "query", "uri", "request", "Request", "form", "cancellationToken", "api", "progress", "tty", "output", "m" };
        var parameters = string.Concat(names.Select((n, i) => $"""
                    - name: "{n}"
                      in: "{(i == 2 ? "header" : "query")}"
                      type: "string"

            """));
        var yaml = Spec("\"Thing\"", parameters, "");
        if (stream.Length > 0)
            yaml = yaml.Replace("      tags: [\"Thing\"]", "      tags: [\"Thing\"]\n      " + stream, StringComparison.Ordinal)
                .Replace("      Name:\n        type: \"string\"", "      Name:\n        type: \"string\"\n      error:\n        type: \"string\"", StringComparison.Ordinal);
        var run = Clean(yaml);
        Assert.Empty(Renamed(run));
        var api = run.Source("DockerApi.V1_2.IThingApi.g.cs");
        Assert.Contains("string? query = null", api, StringComparison.Ordinal);
        Assert.Contains("string? request2 = null", api, StringComparison.Ordinal);  // "Request" in camelCase meets "request"
        Assert.Contains("global::System.Threading.CancellationToken cancellationToken2 = default", api, StringComparison.Ordinal);
        if (stream.Length > 0)
        {
            var extensions = run.Source("DockerApi.V1_2.ThingApiExtensions.g.cs");
            Assert.Contains("this global::DockerApi.V1_2.IThingApi api2", extensions, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("[true, null, \"+\"]")]
    [InlineData("[1.5, 2]")]
    [InlineData("[99999999999]")]
    public void Integer_enums_whose_values_are_no_32_bit_integers_are_a_warning_and_compile(string values)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec("\"Thing\"", "", $"""
              Level:
                type: "integer"
                enum: {values}
            """)));
        Assert.Contains(run.Diagnostics, d => d.Id == "DAPI005");
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void Binary_inside_JSON_is_a_string()
    {
        var run = Clean(Spec("\"Thing\"", "", """
              Blob:
                type: "object"
                properties:
                  Data: {type: "string", format: "binary"}
                  Parts: {type: "array", items: {type: "string", format: "binary"}}
                  Untyped: {format: "binary"}
            """));
        Assert.Contains("public string? Data { get; init; }", run.Source("DockerApi.V1_2.Blob.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("array")]
    [InlineData("boolean")]
    [InlineData("number")]
    public void A_path_parameter_that_is_not_a_string_or_integer_is_an_error(string type)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec("\"Thing\"", "", "").Replace(
            "in: \"path\"\n          required: true\n          type: \"string\"", $"in: \"path\"\n          required: true\n          type: \"{type}\"", StringComparison.Ordinal)));
        Assert.Contains(run.Diagnostics, d => d.Id == "DAPI006" && d.GetMessage().Contains("string or an integer", StringComparison.Ordinal));
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("1.2\\n")]
    [InlineData("1.2.3")]
    [InlineData("99999.1")]
    public void A_version_that_is_not_exactly_major_dot_minor_is_an_error(string version)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec("\"Thing\"", "", "").Replace("version: \"1.2\"", $"version: \"{version}\"", StringComparison.Ordinal)));
        Assert.Contains(run.Diagnostics, d => d.Id == "DAPI006");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DAPI099");
    }
}

/// <summary>Value types where C# makes them Nullable&lt;T&gt;: an optional body, map values and list items marked x-nullable.</summary>
public sealed class NullableValueTests
{
    [Theory]
    [InlineData("""
          - name: "body"
            in: "body"
            schema:
              type: "integer"
        """)]
    [InlineData("""
          - name: "body"
            in: "body"
            description: "Free-form: a body without a schema is a JsonElement."
        """)]
    public void An_optional_body_of_a_value_type_compiles(string parameter)
    {
        var yaml = $$"""
            swagger: "2.0"
            info:
              title: "Test API"
              version: "1.2"
            paths:
              /things:
                post:
                  operationId: "ThingCreate"
                  tags: ["Thing"]
                  parameters:
            {{string.Join("\n", parameter.Split('\n').Select(l => "        " + l))}}
                  responses:
                    204:
                      description: "Done."
            """;
        GeneratorHarness.Run(new SpecFile("/specs/test.yaml", yaml)).AssertClean();
    }

    [Fact]
    public void Maps_and_lists_of_nullable_value_types_compile_and_round_trip_null()
    {
        // Docker 28's ContainerMemoryStats.stats: additionalProperties {type: integer, format: uint64, x-nullable: true}.
        var yaml = """
            swagger: "2.0"
            info:
              title: "Test API"
              version: "1.2"
            paths:
              /stats:
                get:
                  operationId: "ThingStats"
                  tags: ["Thing"]
                  responses:
                    200:
                      description: "Stats."
                      schema:
                        $ref: "#/definitions/Stats"
            definitions:
              Stats:
                type: "object"
                properties:
                  stats:
                    type: "object"
                    additionalProperties:
                      type: "integer"
                      format: "uint64"
                      x-nullable: true
                  samples:
                    type: "array"
                    items:
                      type: "number"
                      x-nullable: true
            """;
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", yaml));
        run.AssertClean();

        using var image = new MemoryStream();
        Assert.True(run.Output.Emit(image).Success);
        image.Position = 0;
        var assembly = new System.Runtime.Loader.AssemblyLoadContext("nullable-values", isCollectible: true).LoadFromStream(image);
        var context = assembly.GetType("DockerApi.V1_2.DockerJsonContext", throwOnError: true)!;
        var defaultContext = context.GetProperty("Default")!.GetValue(null)!;
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo)context.GetProperty("Stats")!.GetValue(defaultContext)!;
        const string json = "{\"stats\":{\"a\":null,\"b\":18446744073709551615},\"samples\":[null,1.5]}";

        var value = System.Text.Json.JsonSerializer.Deserialize(json, info);

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(value, info));
    }
}
