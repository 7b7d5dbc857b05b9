using System.Net;
using System.Text;
using DockerApi.Streams;
using DockerApi.Tests;
using V10 = DockerApi.V1_0;
using V11 = DockerApi.V1_1;
using V12 = DockerApi.V1_2;

namespace DockerApi.Client.Tests;

/// <summary>The generated clients of v1.0 – v1.2, through their public API, against the bytes a 2013 daemon sends.</summary>
public sealed class GeneratedClientWireTests
{

    private static Func<RawRequest, RawConnection, Task> Reply(int status, string reason, string body, string? type = "application/json") =>
        (_, c) => c.WriteAsync(Http.Response(status, reason, body, type));

    [Fact]
    public async Task Create_sends_the_config_with_wire_names_and_reads_the_201_text_plain_answer()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, Reply(201, "Created", "{\"Id\":\"e90e34656806\"}", "text/plain; charset=utf-8"));
        using var docker = new V12.DockerClient(server.Endpoint);

        var created = await docker.Containers.CreateAsync(new V12.ContainerConfig { Image = "base", Cmd = ["date"], AttachStdout = true, Volumes = new Dictionary<string, DockerApi.Serialization.EmptyObject> { ["/data"] = DockerApi.Serialization.EmptyObject.Instance } });

        Assert.Equal("e90e34656806", created.Id);
        Assert.Null(created.Warnings);
        var request = Assert.Single(seen);
        Assert.Equal("POST /v1.2/containers/create", $"{request.Method} {request.Target}");
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal("{\"AttachStdout\":true,\"Cmd\":[\"date\"],\"Image\":\"base\",\"Volumes\":{\"/data\":{}}}", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task Inspect_reads_0_4_4_keys_in_the_v1_0_client_case_insensitively_with_nine_digit_times()
    {
        const string body = """
            {"ID":"4fa6e0f0c6786287e131c3852c58a2e01cc697a68231826813597e4994f1d6e2","Created":"2013-05-07T14:51:42.041847123+02:00",
             "Path":"date","Args":[],"Config":{"Hostname":"4fa6e0f0c678","Memory":0,"Env":null,"Cmd":["date"],"Image":"base","Volumes":{}},
             "State":{"Running":false,"Pid":0,"ExitCode":3,"StartedAt":"0001-01-01T00:00:00Z","Ghost":false},
             "Image":"b750fe79269d2ec9a3c593ef05b4332b1d1a02a62b4accb2c21d589ff2f5f2dc",
             "NetworkSettings":{"IPAddress":"172.16.42.2","IPPrefixLen":24,"Gateway":"172.16.42.1","Bridge":"docker0","PortMapping":null},
             "SysInitPath":"/usr/bin/docker","ResolvConfPath":"/etc/resolv.conf","Volumes":null,"Unknown":{"x":[1,2]}}
            """;
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, Reply(200, "OK", body));
        using var docker = new V10.DockerClient(server.Endpoint);

        var container = await docker.Containers.InspectAsync("4fa6e0f0c678");

        Assert.Equal("/v1.0/containers/4fa6e0f0c678/json", Assert.Single(seen).Target);
        Assert.Equal("4fa6e0f0c6786287e131c3852c58a2e01cc697a68231826813597e4994f1d6e2", container.Id);
        Assert.Equal("172.16.42.2", container.NetworkSettings!.IpAddress);
        Assert.Equal(24, container.NetworkSettings.IpPrefixLen);
        Assert.Equal(new DateTimeOffset(2013, 5, 7, 14, 51, 42, TimeSpan.FromHours(2)).AddTicks(418471), container.Created!.Value.ToDateTimeOffset());
        Assert.Equal(123, container.Created.Value.Nanoseconds % 1000); // the two digits a DateTimeOffset cannot hold
        Assert.Equal(3, container.State!.ExitCode);
        Assert.Equal(DateTimeOffset.MinValue, container.State.StartedAt);
        Assert.Equal(["date"], container.Config!.Cmd!);
        Assert.Null(container.Config.Env);
        Assert.Empty(container.Config.Volumes!);
    }

    [Fact]
    public async Task Changes_and_search_accept_null_for_an_empty_list()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, Reply(200, "OK", "null"));
        using var docker = new V12.DockerClient(server.Endpoint);
        Assert.Null(await docker.Containers.ChangesAsync("abc"));
        Assert.Null(await docker.Images.SearchAsync("nothing"));
        Assert.Equal(["/v1.2/containers/abc/changes", "/v1.2/images/search?term=nothing"], seen.Select(r => r.Target));
    }

    [Fact]
    public async Task A_null_where_a_list_is_required_is_empty_as_the_daemons_Go_means_it()
    {
        await using var server = RawServer.Recording([], Reply(200, "OK", "null"));
        using var docker = new V12.DockerClient(server.Endpoint);
        Assert.Empty(await docker.Containers.ListAsync());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_protocol_error_that_names_where_it_is()
    {
        await using var server = RawServer.Recording([], Reply(200, "OK", "{\"ID\":\"abc\",\"State\":{\"Running\":\"yes\"}}"));
        using var docker = new V12.DockerClient(server.Endpoint);
        var e = await Assert.ThrowsAsync<DockerProtocolException>(() => docker.Containers.InspectAsync("abc"));
        Assert.EndsWith("Path: $.State.Running.", e.Message);
    }

    [Fact]
    public async Task Changes_have_their_kind_as_an_enum()
    {
        await using var server = RawServer.Recording([], Reply(200, "OK", "[{\"Path\":\"/dev\",\"Kind\":0},{\"Path\":\"/test\",\"Kind\":1},{\"Path\":\"/gone\",\"Kind\":2}]"));
        using var docker = new V11.DockerClient(server.Endpoint);
        var changes = await docker.Containers.ChangesAsync("abc");
        Assert.Equal([V11.FilesystemChangeKind.Modified, V11.FilesystemChangeKind.Added, V11.FilesystemChangeKind.Deleted], changes!.Select(c => c.Kind));
    }

    [Fact]
    public async Task A_missing_required_property_is_a_protocol_error()
    {
        await using var server = RawServer.Recording([], Reply(200, "OK", "{\"Status\":0}"));
        using var docker = new V12.DockerClient(server.Endpoint);
        var e = await Assert.ThrowsAsync<DockerProtocolException>(() => docker.Containers.WaitAsync("abc"));
        Assert.Contains("lacks the required property 'StatusCode'", e.Message);
    }

    [Fact]
    public async Task Booleans_go_as_1_and_0_and_every_error_status_raises_with_the_daemon_s_message()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, Reply(406, "Not Acceptable", "Impossible to remove a running container, please stop it first\n", "text/plain; charset=utf-8"));
        using var docker = new V12.DockerClient(server.Endpoint);

        var e = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.DeleteAsync("web", v: true));

        Assert.Equal("DELETE /v1.2/containers/web?v=1", $"{seen[0].Method} {seen[0].Target}");
        Assert.Equal(HttpStatusCode.NotAcceptable, e.StatusCode);
        Assert.Equal("Impossible to remove a running container, please stop it first", e.DaemonMessage);
    }

    [Fact]
    public async Task Image_delete_answers_a_list_in_v1_2_and_nothing_in_v1_1()
    {
        await using (var server = RawServer.Recording([], Reply(200, "OK", "[{\"Untagged\":\"3e2f21a89f\"},{\"Deleted\":\"3e2f21a89f\"},{\"Deleted\":\"53b4f83ac9\"}]")))
        {
            using var docker = new V12.DockerClient(server.Endpoint);
            var effects = await docker.Images.DeleteAsync("test");
            Assert.Equal(["3e2f21a89f", null, null], effects.Select(x => x.Untagged));
            Assert.Equal([null, "3e2f21a89f", "53b4f83ac9"], effects.Select(x => x.Deleted));
        }
        await using (var server = RawServer.Recording([], Reply(204, "No Content", "", null)))
        {
            using var docker = new V11.DockerClient(server.Endpoint);
            await docker.Images.DeleteAsync("test");
        }
    }

    [Fact]
    public async Task GET_auth_exists_in_v1_0_and_credentials_never_show_in_ToString()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, Reply(200, "OK", "{\"username\":\"hannibal\",\"password\":\"\",\"email\":\"hannibal@a-team.com\"}"));
        using var docker = new V10.DockerClient(server.Endpoint);

        var stored = await docker.System.AuthInspectAsync();

        Assert.Equal("GET /v1.0/auth", $"{seen[0].Method} {seen[0].Target}");
        Assert.Equal("hannibal", stored.Username);
        var secret = new V12.AuthConfig { Username = "hannibal", Password = "s3cr3t!", Email = "h@a.team" };
        Assert.DoesNotContain("s3cr3t!", secret.ToString());
        Assert.Contains("Password = ***", secret.ToString());
        Assert.DoesNotContain(typeof(V12.ISystemApi).GetMethods(), m => m.Name == "AuthInspectAsync");
    }

    [Fact]
    public async Task Import_sends_the_tar_body_and_streams_its_id()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, async (_, c) =>
        {
            await c.WriteAsync(Http.ChunkedHead);
            await c.WriteChunkAsync("{\"status\":\"a1b2c3d4e5f6\"}");
            await c.EndChunksAsync();
        });
        using var docker = new V12.DockerClient(server.Endpoint);
        var tar = new byte[2048];
        tar[0] = (byte)'t';

        var messages = new List<V12.ProgressMessage>();
        await foreach (var m in docker.Images.CreateAsync(fromSrc: "-", repo: "test", inputImage: new MemoryStream(tar)))
            messages.Add(m);

        Assert.Equal("a1b2c3d4e5f6", Assert.Single(messages).Status);
        Assert.Equal("/v1.2/images/create?fromSrc=-&repo=test", seen[0].Target);
        Assert.Equal("application/x-tar", seen[0].Header("Content-Type"));
        Assert.Equal(tar, seen[0].Body);
    }

    [Fact]
    public async Task V1_0_pull_streams_text_progress_and_raises_the_error_line()
    {
        await using var server = RawServer.Recording([], async (_, c) =>
        {
            await c.WriteAsync(Http.TextChunkedHead);
            await c.WriteChunkAsync("Pulling repository base from https://index.docker.io/v1\r\n");
            await c.WriteChunkAsync("Downloading 1.049 MB/10.49 MB (10%)\rDownloading 10.49 MB/10.49 MB (100%)\r\r\n");
            await c.WriteChunkAsync("Error: Tag foo not found in repositoy base\r\n");
            await c.EndChunksAsync();
        });
        using var docker = new V10.DockerClient(server.Endpoint);
        var lines = new List<ProgressLine>();

        var e = await Assert.ThrowsAsync<DockerStreamException>(async () =>
        {
            await foreach (var line in docker.Images.CreateAsync(fromImage: "base", tag: "foo"))
                lines.Add(line);
        });

        Assert.Equal(4, lines.Count);
        Assert.True(lines[1].IsProgressUpdate);
        Assert.Equal("Tag foo not found in repositoy base", e.DaemonMessage);
    }

    [Fact]
    public async Task Push_in_v1_2_carries_the_credentials_as_its_body_and_skips_stray_text()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, async (_, c) =>
        {
            await c.WriteAsync(Http.ChunkedHead);
            await c.WriteChunkAsync("{\"status\":\"The push refers to a repository [u/r] (len: 1)\"}");
            await c.WriteChunkAsync("Buffering to disk 12345/? (n/a)\r\r\n");
            await c.WriteChunkAsync("{\"status\":\"Pushing\",\"progress\":\"1/2 (50%)\"}");
            await c.EndChunksAsync();
        });
        using var docker = new V12.DockerClient(server.Endpoint);

        var statuses = new List<string?>();
        await foreach (var m in docker.Images.PushAsync("u/r", new V12.AuthConfig { Username = "u", Password = "p", Email = "u@x" }))
            statuses.Add(m.Status);

        Assert.Equal(["The push refers to a repository [u/r] (len: 1)", "Pushing"], statuses);
        Assert.Equal("/v1.2/images/u%2Fr/push", seen[0].Target);
        Assert.Equal("{\"username\":\"u\",\"password\":\"p\",\"email\":\"u@x\"}", Encoding.UTF8.GetString(seen[0].Body));
    }

    [Fact]
    public async Task Attach_hands_over_the_raw_connection()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Start(Wire.Tcp, async c =>
        {
            seen.Add((await c.ReadRequestAsync())!);
            await c.WriteAsync(Http.RawStreamHead + "hello\n");
            var buffer = new byte[64];
            var read = await c.ReadAsync(buffer);
            await c.WriteAsync(buffer[..read]);
        });
        using var docker = new V12.DockerClient(server.Endpoint);

        await using var stream = await docker.Containers.AttachAsync("abc", logs: true, stream: true, stdin: true, stdout: true);
        await stream.WriteAsync("echo\n"u8.ToArray());
        stream.CloseWrite();
        using var reader = new StreamReader(stream);

        Assert.Equal("hello\necho\n", await reader.ReadToEndAsync());
        await server.DrainAsync();
        Assert.Equal("/v1.2/containers/abc/attach?logs=1&stream=1&stdin=1&stdout=1", seen[0].Target);
    }

    [Fact]
    public async Task AttachOutput_reads_a_2013_connection_raw_as_its_spec_says()
    {
        // x-docker-framing: raw — bytes that would be a frame header on a modern daemon are plain output here.
        const string output = "\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0002hi";
        await using var server = RawServer.Start(Wire.Tcp, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.RawStreamHead + output);
        });
        using var docker = new V12.DockerClient(server.Endpoint);

        await using var attached = await V12.ContainerApiExtensions.AttachOutputAsync(docker.Containers, "abc", stream: true, stdout: true);

        Assert.True(attached.IsTty);
        Assert.IsType<DockerApi.Transport.DockerHijackedStream>(attached.Inner);
        Assert.Equal((output, ""), await attached.ReadToEndAsync());
    }

    [Fact]
    public async Task Export_streams_the_tar_and_viz_reads_text()
    {
        var tar = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        await using var server = RawServer.Recording([], (r, c) => r.Target.EndsWith("/export", StringComparison.Ordinal)
            ? c.WriteAsync(Http.Response(200, "OK", tar, "application/octet-stream"))
            : c.WriteAsync(Http.Response(200, "OK", "digraph docker {\n}\n", "text/plain; charset=utf-8")));
        using var docker = new V12.DockerClient(server.Endpoint);

        await using (var export = await docker.Containers.ExportAsync("abc"))
        {
            var copy = new MemoryStream();
            await export.CopyToAsync(copy);
            Assert.Equal(tar, copy.ToArray());
        }
        Assert.Equal("digraph docker {\n}\n", await docker.Images.VizAsync());
    }

    [Fact]
    public async Task Undocumented_routes_are_generated_only_when_asked()
    {
        Assert.Contains(typeof(V12.IContainerApi).GetMethods(), m => m.Name == "ResizeAsync");
        Assert.DoesNotContain(typeof(V11.IContainerApi).GetMethods(), m => m.Name == "ResizeAsync");
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, Reply(200, "OK", "", null));
        using var docker = new V12.DockerClient(server.Endpoint);
        await docker.Containers.ResizeAsync("abc", h: 40, w: 100);
        Assert.Equal("/v1.2/containers/abc/resize?h=40&w=100", seen[0].Target);
    }
}
