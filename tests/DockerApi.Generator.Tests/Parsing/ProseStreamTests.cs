using DockerApi.Generator.Tests.Infrastructure;

namespace DockerApi.Generator.Tests.Parsing;

/// <summary>Operations of Docker's published files whose streams are only prose get their shape from the generator's table.</summary>
public sealed class ProseStreamTests
{
    private static string Spec(string definitions, string extra = "") => $$"""
        swagger: "2.0"
        info:
          title: "Modern"
          version: "1.41"
        paths:
          /containers/{id}/attach:
            post:
              operationId: "ContainerAttach"
              tags: ["Container"]
              parameters:
                - { name: "id", in: "path", required: true, type: "string" }
              responses:
                101: { description: "upgraded" }
                200: { description: "no upgrade" }
          /containers/{id}/export:
            get:
              operationId: "ContainerExport"
              tags: ["Container"]
              parameters:
                - { name: "id", in: "path", required: true, type: "string" }
              responses:
                200: { description: "tar" }
          /images/create:
            post:
              operationId: "ImageCreate"
              tags: ["Image"]
              consumes: ["text/plain", "application/octet-stream"]
              parameters:
                - { name: "fromSrc", in: "query", type: "string" }
                - { name: "inputImage", in: "body", schema: { type: "string" } }
              {{extra}}
              responses:
                200: { description: "progress" }
          /events:
            get:
              operationId: "SystemEvents"
              tags: ["System"]
              responses:
                200:
                  description: "events"
                  schema: { $ref: "#/definitions/EventMessage" }
        definitions:
          EventMessage:
            type: "object"
            properties:
              Action: { type: "string" }
        {{definitions}}
        """;

    private const string CreateImageInfo = """
          CreateImageInfo:
            type: "object"
            properties:
              status: { type: "string" }
              error: { type: "string" }
        """;

    private static GeneratorRun Run(string yaml)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/modern.yaml", yaml));
        run.AssertClean();
        return run;
    }

    [Fact]
    public void Attach_hijacks_with_an_upgrade_and_export_is_a_stream()
    {
        var run = Run(Spec(CreateImageInfo));
        Assert.Contains("Task<Stream> ExportAsync(string id", run.Readable("DockerApi.V1_41.IContainerApi.g.cs"));
        Assert.Contains("Task<DockerHijackedStream> AttachAsync(string id", run.Readable("DockerApi.V1_41.IContainerApi.g.cs"));
        Assert.Contains("HijackMode.UpgradeTcp, \"ContainerAttach\"", run.Readable("DockerApi.V1_41.ContainerApiClient.g.cs"));
    }

    [Fact]
    public void Pull_and_import_stream_the_message_definition_the_table_names_raising_its_error()
    {
        var run = Run(Spec(CreateImageInfo));
        var client = run.Readable("DockerApi.V1_41.ImageApiClient.g.cs");
        Assert.Contains("IAsyncEnumerable<CreateImageInfo> CreateAsync(string? fromSrc, Stream? inputImage,", client);
        Assert.Contains("DockerContent.Binary(inputImage, \"application/octet-stream\")", client);
        Assert.Contains("DockerJsonContext.Default.CreateImageInfo, static m => m.Error,", client);
    }

    [Fact]
    public void Events_stream_the_success_schema()
    {
        var run = Run(Spec(CreateImageInfo));
        Assert.Contains("IAsyncEnumerable<EventMessage> EventsAsync(", run.Readable("DockerApi.V1_41.ISystemApi.g.cs"));
    }

    [Fact]
    public void Without_the_message_definition_the_answer_is_a_stream_so_nothing_is_lost()
    {
        var run = Run(Spec(definitions: ""));
        Assert.Contains("Task<Stream> CreateAsync(", run.Readable("DockerApi.V1_41.IImageApi.g.cs"));
    }

    [Fact]
    public void Attach_over_a_WebSocket_is_not_generated_and_says_so_where_it_stands()
    {
        var yaml = Spec(CreateImageInfo).Replace("""
          /events:
        """, """
          /containers/{id}/attach/ws:
            get:
              operationId: "ContainerAttachWebsocket"
              tags: ["Container"]
              parameters:
                - { name: "id", in: "path", required: true, type: "string" }
              responses:
                101: { description: "upgraded" }
          /events:
        """);
        var run = Run(yaml);

        var info = Assert.Single(run.Diagnostics, d => d.Id == "DAPI009");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, info.Severity);
        Assert.Equal("The operation ContainerAttachWebsocket (GET /containers/{id}/attach/ws) is not generated: it needs a WebSocket client; ContainerAttach gives the same streams over an upgraded connection", info.GetMessage());
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.Contains("\"ContainerAttachWebsocket\"")), info.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("AttachWebsocket", run.Readable("DockerApi.V1_41.IContainerApi.g.cs"));
    }

    [Fact]
    public void An_operation_with_its_own_stream_extension_never_looks_at_the_table()
    {
        var run = Run(Spec(CreateImageInfo, extra: "x-docker-stream: \"binary\""));
        Assert.Contains("Task<Stream> CreateAsync(", run.Readable("DockerApi.V1_41.IImageApi.g.cs"));
    }

    [Fact]
    public void A_renamed_operation_keeps_its_stream_by_route_and_logs_are_container_output()
    {
        var yaml = Spec(CreateImageInfo).Replace("""
          /events:
        """, """
          /containers/{id}/archive:
            get:
              operationId: "ContainerGetArchive"
              tags: ["Container"]
              parameters:
                - { name: "id", in: "path", required: true, type: "string" }
                - { name: "path", in: "query", required: true, type: "string" }
              responses:
                200: { description: "tar" }
          /services/{id}/logs:
            get:
              operationId: "ServiceLogs"
              tags: ["Service"]
              parameters:
                - { name: "id", in: "path", required: true, type: "string" }
              responses:
                200:
                  description: "logs"
                  schema: { type: "string" }
          /events:
        """);
        var run = Run(yaml);

        Assert.Contains("Task<Stream> GetArchiveAsync(string id, [Query] string path", run.Readable("DockerApi.V1_41.IContainerApi.g.cs"));
        Assert.Contains("Task<Stream> LogsAsync(string id", run.Readable("DockerApi.V1_41.IServiceApi.g.cs"));
        var output = run.Readable("DockerApi.V1_41.ServiceApiExtensions.g.cs");
        Assert.Contains("public static async Task<MultiplexedStream> LogsOutputAsync(this IServiceApi api, string id, bool tty = false, CancellationToken cancellationToken = default)", output);
        Assert.Contains("return new MultiplexedStream(output, \"ServiceLogs\", tty: tty);", output);
    }

    [Theory]
    [InlineData("x-docker-framing: \"lines\"", "'x-docker-framing: lines' is not a known value; use one of: raw, multiplexed.")]
    [InlineData("x-docker-since: \"soon\"", "'x-docker-since: soon' is not a known value; use one of: an API version such as 1.44.")]
    public void A_bad_framing_or_since_is_an_error_at_its_line(string extension, string message)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/modern.yaml", Spec(CreateImageInfo, extra: extension)));

        var error = Assert.Single(run.Diagnostics, d => d.Id == "DAPI007");
        Assert.StartsWith(message, error.GetMessage());
    }
}
