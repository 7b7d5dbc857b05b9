using DockerApi.Swarm;
using DockerApi.Tests;
using DockerApi.Transport;
using Latest = DockerApi.Latest;

namespace DockerApi.HighLevel.Tests;

/// <summary>The convergence wait (typed, over the newest generated client) against a fake manager: what counts as running, and how a failed wait is said.</summary>
public sealed class ServiceConvergenceTests
{
    private const string Spec = """{"Image":"test","Command":["sleep","600"]}""";

    private static RawServer Manager(string updateStatus, string tasks) => RawServer.KeepAlive(Wire.Unix, r => Http.Response(200, "OK", r.Target switch
    {
        var t when t.StartsWith("/v1.41/services/", StringComparison.Ordinal) =>
            $$$"""{"ID":"svc1","Spec":{"Mode":{"Replicated":{"Replicas":2}},"TaskTemplate":{"ContainerSpec":{{{Spec}}}}}{{{updateStatus}}}}""",
        "/v1.41/nodes" => """[{"ID":"n1","Spec":{"Availability":"active"}},{"ID":"n2","Spec":{"Availability":"drain"}}]""",
        _ => tasks,
    }, "application/json"));

    private static string Task(string id, string node, string state, string spec = Spec, string err = "") =>
        $$$"""{"ID":"{{{id}}}","NodeID":"{{{node}}}","DesiredState":"running","Spec":{"ContainerSpec":{{{spec}}}},"Status":{"State":"{{{state}}}","Err":"{{{err}}}","Timestamp":"2026-11-29T10:00:00Z"}}""";

    /// <summary>The newest client speaking 1.41, as negotiation with a Docker 20.10 manager gives it.</summary>
    private static Latest.DockerClient Client(RawServer server) =>
        new(server.Endpoint, new NegotiatedVersion("1.41", "1.41", "1.12", "test") { ClientVersion = Latest.DockerClient.ApiVersion });

    [Fact]
    public async Task Tasks_of_the_current_spec_on_nodes_not_drained_count_as_running()
    {
        var tasks = $"[{Task("a", "n1", "running")},{Task("b", "n2", "running")},{Task("c", "n1", "running", """{"Image":"old"}""")},{Task("d", "n1", "running")}]";
        await using var server = Manager("", tasks);
        using var client = Client(server);

        var reading = await ServiceConvergence.ReadAsync(client, "web");

        Assert.Equal((2, 2), (reading.Running, reading.Desired));
        Assert.Equal(["a", "d"], reading.RunningTasks);
    }

    [Fact]
    public async Task A_paused_update_fails_the_wait_naming_the_task_errors()
    {
        var tasks = $"[{Task("a", "n1", "failed", err: "task: non-zero exit (1)")}]";
        await using var server = Manager(""","UpdateStatus":{"State":"paused"}""", tasks);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<DockerConvergenceException>(() => ServiceConvergence.WaitAsync(client, "web"));

        Assert.Equal("the service web did not converge: its update stopped (paused); task errors: failed: task: non-zero exit (1)", error.Message);
        Assert.Equal("web", error.Service);
    }

    [Fact]
    public async Task A_wait_that_runs_out_of_time_says_how_far_the_service_got()
    {
        await using var server = Manager("", $"[{Task("a", "n1", "running")},{Task("b", "n1", "starting")}]");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<DockerConvergenceException>(() => ServiceConvergence.WaitAsync(client, "web", timeout: TimeSpan.FromSeconds(2)));

        Assert.Contains("1 of 2 tasks running", error.Message);
        Assert.Equal(1, error.Progress.Running);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task A_dot_segment_service_name_is_refused_before_anything_is_sent(string name)
    {
        await using var server = Manager("", "[]");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ServiceConvergence.WaitAsync(client, name));

        Assert.Equal("service", error.ParamName);
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public async Task An_endless_answer_is_a_typed_error_at_the_transports_bound()
    {
        await using var server = RawServer.Start(Wire.Unix, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            await c.WriteChunkAsync("{\"ID\":\"");
            var padding = new string('x', 64 * 1024);
            try
            {
                for (var i = 0; i < 32_768; i++) // 2 GiB at most; the client stops long before
                    await c.WriteChunkAsync(padding);
            }
            catch (IOException)
            {
                // the client stopped reading and closed
            }
        });
        using var client = new Latest.DockerClient(server.Endpoint, new NegotiatedVersion("1.41", "1.41", "1.12", "test") { ClientVersion = Latest.DockerClient.ApiVersion },
            new DockerTransportOptions { MaxResponseBodyBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<DockerProtocolException>(() => ServiceConvergence.WaitAsync(client, "web"));

        Assert.Contains("over the limit of 1048576", error.Message);
    }

    [Fact]
    public async Task The_timeout_holds_while_a_read_is_in_flight()
    {
        await using var server = RawServer.Start(Wire.Unix, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"ID\":");
            await c.ReadAsync(new byte[1]); // until the client gives up and closes
        });
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<DockerConvergenceException>(() => ServiceConvergence.WaitAsync(client, "web", timeout: TimeSpan.FromMilliseconds(300)));

        Assert.Contains("the manager gave no complete answer within 0.3 s", error.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
    }

    [Theory]
    [InlineData("""{"ID":{"not":"a string"}}""", "[]")]
    [InlineData("""{"ID":"svc1","UpdateStatus":{"State":7}}""", "[]")]
    [InlineData("""{"ID":"svc1"}""", """{"not":"a list"}""")]
    [InlineData("""{"ID":"svc1"}""", """[{"DesiredState":"running","Status":{"State":["x"]}}]""")]
    public async Task Answers_of_another_shape_are_protocol_errors(string service, string tasks)
    {
        await using var server = RawServer.KeepAlive(Wire.Unix, r => Http.Response(200, "OK", r.Target switch
        {
            var t when t.StartsWith("/v1.41/services/", StringComparison.Ordinal) => service,
            "/v1.41/nodes" => "[]",
            _ => tasks,
        }, "application/json"));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<DockerProtocolException>(() => ServiceConvergence.WaitAsync(client, "web"));

        // The generated client's typed read says which answer, and why.
        Assert.Matches("^(ServiceInspect|TaskList): the answer is not the expected", error.Message);
    }
}
