using YamlDotNet.RepresentationModel;

namespace DockerApi.Spec.Tests;

/// <summary>
/// Where the 2013 documentation and the daemon disagree, the spec follows the daemon
/// (shared/reference/behavior-notes.md). Each test pins one such fact.
/// </summary>
public sealed class DaemonBehaviourTests
{
    public static TheoryData<string> Versions => new(SpecDocument.Versions);

    [Theory, MemberData(nameof(Versions))]
    public void Build_takes_a_multipart_Dockerfile_and_optional_Context_and_streams_text(string version)
    {
        var build = SpecDocument.Load(version).Op("ImageBuild");
        Assert.Equal(["multipart/form-data"], Strings(build.Node.Seq("consumes")));
        Assert.Equal("build-output", build.Node.Str("x-docker-stream"));
        Assert.Equal(("formData", "file", true), Param(build, "Dockerfile"));
        Assert.Equal(("formData", "file", false), Param(build, "Context"));
        // 0.4.4 reads the context part as a tar (it auto-detects compression) whatever its file name; a name is needed, Go reads a part without one as a form value.
        var context = build.Node.Seq("parameters")!.Children.OfType<YamlMappingNode>().Single(p => p.Str("name") == "Context");
        Assert.Equal(("context.tar", "application/x-tar"), (context.Str("x-docker-file-name"), context.Str("x-docker-content-type")));
        Assert.Equal(("query", "string", false), Param(build, "t"));
        Assert.Equal([200, 500], build.StatusCodes);
    }

    [Theory, MemberData(nameof(Versions))]
    public void Create_and_commit_answer_201_with_a_text_plain_header_and_a_json_body(string version)
    {
        var spec = SpecDocument.Load(version);
        foreach (var (id, schema) in new[] { ("ContainerCreate", "ContainerCreateResponse"), ("ImageCommit", "IdResponse") })
        {
            var created = spec.Op(id).Responses.Map("201");
            Assert.Equal("text/plain; charset=utf-8", created.Str("x-docker-content-type"));
            Assert.Equal("#/definitions/" + schema, created.Map("schema").Str("$ref"));
        }
        Assert.Contains(404, spec.Op("ContainerCreate").StatusCodes);
        Assert.DoesNotContain(406, spec.Op("ContainerCreate").StatusCodes);
        Assert.Null(spec.Op("ImageCommit").Parameter("m"));
        Assert.Equal("body", spec.Op("ImageCommit").Parameter("containerConfig")!.Str("in"));
    }

    [Theory, MemberData(nameof(Versions))]
    public void Success_statuses_are_the_ones_the_daemon_sends(string version)
    {
        var spec = SpecDocument.Load(version);
        Assert.Equal(204, spec.Op("ContainerStart").StatusCodes.Min());
        Assert.Equal([201, 400, 500], spec.Op("ImageTag").StatusCodes);
        Assert.Equal([200, 500], spec.Op("ImageHistory").StatusCodes);
        Assert.Contains(406, spec.Op("ContainerDelete").StatusCodes);
        Assert.Equal([200, 500], spec.Op("SystemAuth").StatusCodes);
    }

    [Theory]
    [InlineData("1.0", new[] { 204, 404, 500 })]
    [InlineData("1.1", new[] { 204, 404, 500 })]
    [InlineData("1.2", new[] { 200, 404, 409, 500 })]
    public void Image_delete_is_204_until_v1_2_then_a_list_or_409(string version, int[] statuses)
    {
        var delete = SpecDocument.Load(version).Op("ImageDelete");
        Assert.Equal(statuses, delete.StatusCodes);
        if (version == "1.2")
            Assert.Equal("#/definitions/ImageDeleteResponseItem", delete.Responses.Map("200").Map("schema").Map("items").Str("$ref"));
    }

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1.1", true)]
    [InlineData("1.2", false)]
    public void GET_auth_exists_until_v1_2(string version, bool exists)
    {
        var spec = SpecDocument.Load(version);
        Assert.Equal(exists, spec.Operations.Any(o => o.Method == "GET" && o.Path == "/auth"));
        if (exists)
            Assert.Equal("SystemAuthInspect", spec.Operations.Single(o => o.Method == "GET" && o.Path == "/auth").Id);
    }

    [Theory]
    [InlineData("1.0", "text-progress")]
    [InlineData("1.1", "json-progress")]
    [InlineData("1.2", "json-progress")]
    public void Pull_import_insert_and_push_stream_text_in_v1_0_and_json_after(string version, string kind)
    {
        var spec = SpecDocument.Load(version);
        foreach (var id in new[] { "ImageCreate", "ImageInsert", "ImagePush" })
            Assert.Equal(kind, spec.Op(id).Node.Str("x-docker-stream"));
        Assert.Equal("#/definitions/IdResponse", spec.Op("ImageInsert").Node.Map("x-docker-stream-result").Str("$ref"));
        Assert.Equal("body", spec.Op("ImageCreate").Parameter("inputImage")!.Str("in"));
    }

    [Theory]
    [InlineData("1.0", false)]
    [InlineData("1.1", false)]
    [InlineData("1.2", true)]
    public void Push_carries_the_credentials_in_its_body_only_in_v1_2(string version, bool inBody)
    {
        var spec = SpecDocument.Load(version);
        var body = spec.Op("ImagePush").Parameters.SingleOrDefault(p => p.Str("in") == "body");
        Assert.Equal(inBody, body is not null);
        if (body is not null)
        {
            Assert.True(body.Bool("required"));
            Assert.True(body.Bool("x-docker-sensitive"));
            Assert.Equal("#/definitions/AuthConfig", body.Map("schema").Str("$ref"));
        }
        Assert.True(spec.Definitions.Map("AuthConfig").Map("properties").Map("password").Bool("x-docker-sensitive"));
    }

    [Theory, MemberData(nameof(Versions))]
    public void Attach_is_a_raw_hijacked_stream_with_errors_before_the_hijack(string version)
    {
        var attach = SpecDocument.Load(version).Op("ContainerAttach");
        Assert.Equal("hijack", attach.Node.Str("x-docker-stream"));
        Assert.Equal("raw", attach.Node.Str("x-docker-framing"));
        Assert.Equal(["application/vnd.docker.raw-stream"], Strings(attach.Node.Seq("produces")));
        Assert.Equal([200, 400, 404, 500], attach.StatusCodes);
        foreach (var flag in new[] { "logs", "stream", "stdin", "stdout", "stderr" })
            Assert.Equal(("query", "boolean", false), Param(attach, flag));
    }

    [Theory]
    [InlineData("1.0", "Id", "IpAddress")]
    [InlineData("1.1", "Id", "IpAddress")]
    [InlineData("1.2", "ID", "IPAddress")]
    public void Container_inspect_keys_are_spelled_as_that_version_s_daemons_sent_them(string version, string id, string ip)
    {
        var spec = SpecDocument.Load(version);
        Assert.True(spec.Root.Bool("x-docker-json-case-insensitive"));
        Assert.NotNull(spec.Definitions.Map("ContainerInspectResponse").Map("properties").Get(id));
        Assert.NotNull(spec.Definitions.Map("NetworkSettings").Map("properties").Get(ip));
    }

    [Theory, MemberData(nameof(Versions))]
    public void Wire_names_and_types_follow_the_daemon(string version)
    {
        var d = SpecDocument.Load(version).Definitions;
        var image = d.Map("ImageInspectResponse").Map("properties");
        Assert.Equal(["Size", "architecture", "author", "comment", "config", "container", "container_config", "created", "docker_version", "id", "parent"],
            image.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal));
        Assert.NotNull(d.Map("HistoryResponseItem").Map("properties").Get("Tags"));
        Assert.Null(d.Map("HistoryResponseItem").Map("properties").Get("Tag"));
        Assert.NotNull(d.Map("ContainerConfig").Map("properties").Get("CpuShares"));
        Assert.Equal("date-time", d.Map("ContainerState").Map("properties").Map("StartedAt").Str("format"));
        foreach (var (definition, property) in new[] { ("ContainerSummary", "Created"), ("ContainerSummary", "SizeRw"), ("ImageSummary", "VirtualSize"), ("ContainerConfig", "Memory") })
            Assert.Equal("int64", d.Map(definition).Map("properties").Map(property).Str("format"));
    }

    [Theory, MemberData(nameof(Versions))]
    public void Arrays_the_daemon_sends_as_null_are_nullable(string version)
    {
        var spec = SpecDocument.Load(version);
        Assert.True(spec.Op("ContainerChanges").Responses.Map("200").Map("schema").Bool("x-nullable"));
        Assert.True(spec.Op("ImageSearch").Responses.Map("200").Map("schema").Bool("x-nullable"));
        Assert.False(spec.Op("ContainerList").Responses.Map("200").Map("schema").Bool("x-nullable"));
        foreach (var property in new[] { "Env", "Cmd", "Dns", "PortSpecs", "Volumes" })
            Assert.True(spec.Definitions.Map("ContainerConfig").Map("properties").Map(property).Bool("x-nullable"), property);
    }

    [Theory, MemberData(nameof(Versions))]
    public void Undocumented_routes_are_present_and_marked(string version)
    {
        var spec = SpecDocument.Load(version);
        var undocumented = spec.Operations.Where(o => o.Undocumented).Select(o => $"{o.Method} {o.Path} {o.Id}").Order();
        Assert.Equal(["GET /containers/ps ContainerListPs", "POST /containers/{id}/resize ContainerResize", "POST /images/getCache ImageGetCache"], undocumented);
    }

    [Theory, MemberData(nameof(Versions))]
    public void Boolean_query_parameters_default_to_false(string version)
    {
        var booleans = SpecDocument.Load(version).Operations
            .SelectMany(o => o.Parameters.Where(p => p.Str("type") == "boolean").Select(p => (o, p))).ToList();
        Assert.NotEmpty(booleans);
        Assert.All(booleans, x => Assert.Equal("false", x.p.Str("default")));
    }

    private static (string?, string?, bool) Param(Operation op, string name)
    {
        var p = op.Parameter(name) ?? throw new Xunit.Sdk.XunitException($"{op} has no parameter {name}");
        return (p.Str("in"), p.Str("type"), p.Bool("required"));
    }

    private static List<string> Strings(YamlSequenceNode? node) =>
        node?.Children.Select(c => ((YamlScalarNode)c).Value!).ToList() ?? [];
}
