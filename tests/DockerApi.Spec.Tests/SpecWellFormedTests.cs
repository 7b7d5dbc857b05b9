using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Spec.Tests;

/// <summary>Each spec file is a well-formed, self-contained Swagger 2.0 document in our conventions.</summary>
public sealed partial class SpecWellFormedTests
{
    public static TheoryData<string> Versions => new(SpecDocument.Versions);

    private static readonly HashSet<string> StreamKinds = ["hijack", "json-progress", "text-progress", "build-output"];

    [Theory, MemberData(nameof(Versions))]
    public void Header_names_the_version(string version)
    {
        var spec = SpecDocument.Load(version);
        Assert.Equal("2.0", spec.Root.Str("swagger"));
        Assert.Equal($"/v{version}", spec.Root.Str("basePath"));
        Assert.Equal(version, spec.Root.Map("info").Str("version"));
        Assert.Equal("numeric", spec.Root.Str("x-docker-query-boolean-format"));
        Assert.Equal("text", spec.Root.Str("x-docker-error-format"));
    }

    [Theory, MemberData(nameof(Versions))]
    public void Every_ref_resolves_to_a_definition(string version)
    {
        var spec = SpecDocument.Load(version);
        var unresolved = spec.Root.Refs()
            .Where(r => !r.Ref.StartsWith("#/definitions/", StringComparison.Ordinal)
                        || spec.Definitions.Get(r.Ref["#/definitions/".Length..]) is null)
            .Select(r => $"{r.Ref} (line {r.Line})");
        Assert.Empty(unresolved);
    }

    [Theory, MemberData(nameof(Versions))]
    public void Every_definition_is_used(string version)
    {
        var spec = SpecDocument.Load(version);
        var used = spec.Root.Map("paths").Refs().Concat(spec.Definitions.Refs()).Select(r => r.Ref).ToHashSet();
        var unused = spec.Definitions.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)
            .Where(name => !used.Contains("#/definitions/" + name));
        Assert.Empty(unused);
    }

    [Theory, MemberData(nameof(Versions))]
    public void OperationIds_are_unique_NounVerb_names(string version)
    {
        var spec = SpecDocument.Load(version);
        var ids = spec.Operations.Select(o => o.Id).ToList();
        Assert.DoesNotContain("", ids);
        Assert.Empty(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(ids, id => Assert.Matches(NounVerb(), id));
    }

    [Theory, MemberData(nameof(Versions))]
    public void Every_path_parameter_is_declared_and_required(string version)
    {
        var spec = SpecDocument.Load(version);
        Assert.All(spec.Operations, op =>
        {
            var inTemplate = PathParameter().Matches(op.Path).Select(m => m.Groups[1].Value).Order().ToList();
            var declared = op.Parameters.Where(p => p.Str("in") == "path").ToList();
            Assert.Equal(inTemplate, declared.Select(p => p.Str("name")!).Order().ToList());
            Assert.All(declared, p => Assert.True(p.Bool("required"), $"{op}: path parameter {p.Str("name")} must be required"));
        });
    }

    [Theory, MemberData(nameof(Versions))]
    public void Every_operation_has_a_declared_tag_a_summary_and_one_success_response(string version)
    {
        var spec = SpecDocument.Load(version);
        var tags = spec.Root.Seq("tags")!.Children.Cast<YamlMappingNode>().Select(t => t.Str("name")).ToHashSet();
        Assert.Equal(["Container", "Image", "System"], tags.Order());
        Assert.All(spec.Operations, op =>
        {
            var opTags = op.Node.Seq("tags")?.Children.Select(t => ((YamlScalarNode)t).Value).ToList() ?? [];
            Assert.True(opTags.Count == 1 && tags.Contains(opTags[0]), $"{op}: needs exactly one declared tag");
            Assert.False(string.IsNullOrWhiteSpace(op.Node.Str("summary")), $"{op}: needs a summary");
            Assert.Single(op.StatusCodes, c => c is >= 200 and < 300);
            Assert.All(op.Responses.Children.Values.Cast<YamlMappingNode>(),
                r => Assert.False(string.IsNullOrWhiteSpace(r.Str("description")), $"{op}: every response needs a description"));
        });
    }

    [Theory, MemberData(nameof(Versions))]
    public void Parameters_have_a_location_a_type_and_a_description(string version)
    {
        var spec = SpecDocument.Load(version);
        Assert.All(spec.Operations.SelectMany(op => op.Parameters.Select(p => (op, p))), x =>
        {
            var (op, p) = x;
            var where = $"{op} parameter {p.Str("name")}";
            Assert.Contains(p.Str("in"), new[] { "path", "query", "body", "formData" });
            Assert.False(string.IsNullOrWhiteSpace(p.Str("description")), $"{where}: needs a description");
            if (p.Str("in") == "body")
                Assert.True(p.MapOrNull("schema") is not null, $"{where}: a body needs a schema");
            else
                Assert.Contains(p.Str("type"), new[] { "string", "integer", "boolean", "file" });
        });
    }

    [Theory, MemberData(nameof(Versions))]
    public void Vendor_extensions_have_known_values(string version)
    {
        var spec = SpecDocument.Load(version);
        Assert.All(spec.Operations, op =>
        {
            var stream = op.Node.Str("x-docker-stream");
            if (stream is null)
                return;
            Assert.Contains(stream, StreamKinds);
            if (stream == "hijack")
                Assert.Equal("raw", op.Node.Str("x-docker-framing"));
            var success = (YamlMappingNode)op.Responses.Children.Single(kv => ((YamlScalarNode)kv.Key).Value!.StartsWith('2')).Value;
            // A JSON progress stream describes one message; every other stream is bytes or text.
            if (stream == "json-progress")
                Assert.Equal("#/definitions/ProgressMessage", success.Map("schema").Str("$ref"));
            else
                Assert.Equal("string", success.Map("schema").Str("type"));
        });
    }

    [Theory, MemberData(nameof(Versions))]
    public void Every_definition_and_property_is_described(string version)
    {
        var spec = SpecDocument.Load(version);
        foreach (var (key, value) in spec.Definitions.Children)
        {
            var definition = (YamlMappingNode)value;
            Assert.False(string.IsNullOrWhiteSpace(definition.Str("description")), $"definition {key} needs a description");
            foreach (var (propertyName, property) in definition.MapOrNull("properties")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            {
                var p = (YamlMappingNode)property;
                Assert.True(p.Str("$ref") is not null || !string.IsNullOrWhiteSpace(p.Str("description")),
                    $"{key}.{propertyName} needs a description");
            }
        }
    }

    [GeneratedRegex(@"^(Container|Image|System)[A-Z][A-Za-z]+$")]
    private static partial Regex NounVerb();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();
}
