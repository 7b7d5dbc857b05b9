using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DockerApi.Emulator;
using DockerApi.Transport;
using DockerApi.V1_2;
using DockerApi.Tests;

namespace DockerApi.EndToEnd.Tests;

/// <summary>The emulator's wire rules, and bad input that gets the daemon's error without taking the emulator down.</summary>
public sealed class EmulatorBehaviourTests
{
    private static async Task<(int Status, string? ContentType, string Body)> Raw(EmulatedDaemon daemon, string request)
    {
        using var socket = await daemon.Endpoint.ConnectAsync();
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        socket.Shutdown(SocketShutdown.Send);
        var response = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await socket.ReceiveAsync(buffer)) > 0)
            response.Write(buffer, 0, read);
        var text = Encoding.UTF8.GetString(response.ToArray());
        var head = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var type = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.Ordinal))?["Content-Type:".Length..].Trim();
        return (int.Parse(head.Split(' ')[1]), type, text[(head.Length + 4)..]);
    }

    private static string Get(string path) => $"GET {path} HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n";

    private static string Post(string path, string body, string contentType = "application/json") =>
        $"POST {path} HTTP/1.1\r\nHost: docker\r\nConnection: close\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    [Theory]
    [InlineData("/v1.3/version", 404, null, "")]
    [InlineData("/v0/version", 404, null, "")]
    [InlineData("/v1.2/nothing", 404, "text/plain; charset=utf-8", "404 page not found\n")]
    [InlineData("/v1/auth", 200, "application/json", "{\"username\":\"\",\"password\":\"\",\"email\":\"\"}")]
    [InlineData("/v1.10/auth", 200, "application/json", "{\"username\":\"\",\"password\":\"\",\"email\":\"\"}")]
    [InlineData("/auth", 404, null, "")]
    [InlineData("/v1.2/containers/json?all=yes", 400, "text/plain; charset=utf-8", "Bad parameter\n")]
    [InlineData("/v1.2/containers/abc/json", 404, "text/plain; charset=utf-8", "No such container: abc\n")]
    [InlineData("/v1.2/images/abc/history", 500, "text/plain; charset=utf-8", "Image does not exist: abc\n")]
    [InlineData("/v1.2/containers/json?all=TRUE", 200, "application/json", "[]")]
    public async Task Routes_versions_and_errors_follow_the_daemon(string path, int status, string? contentType, string body)
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        Assert.Equal((status, contentType, body), await Raw(daemon, Get(path)));
    }

    [Fact]
    public async Task An_unclean_path_is_redirected_and_OPTIONS_answers_200()
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        using var socket = await daemon.Endpoint.ConnectAsync();
        await socket.SendAsync(Encoding.ASCII.GetBytes(Get("/v1.2/containers//json")));
        var buffer = new byte[4096];
        var head = Encoding.ASCII.GetString(buffer, 0, await socket.ReceiveAsync(buffer));
        Assert.StartsWith("HTTP/1.1 301 Moved Permanently\r\nLocation: /v1.2/containers/json\r\n", head);
        Assert.Equal((200, null, ""), await Raw(daemon, "OPTIONS /v1.2/anything HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n"));
    }

    [Theory]
    [InlineData("{\"Image\":\"base\"", "unexpected EOF")]
    [InlineData("{\"Image\":\"base\",\"Cmd\":[\"sh\"", "unexpected EOF")]
    [InlineData("  ", "EOF")]
    [InlineData("{not json", "invalid character 'n' looking for beginning of object key string")]
    [InlineData("{\"Image\" \"base\"}", "invalid character '\"' after object key")]
    [InlineData("{\"Image\":\"base\" \"Cmd\":1}", "invalid character '\"' after object key:value pair")]
    [InlineData("[1 2]", "invalid character '2' after array element")]
    [InlineData("{\"Image\":tru}", "invalid character '}' in literal true (expecting 'e')")]
    [InlineData("{\"Image\":-x}", "invalid character 'x' in numeric literal")]
    [InlineData("{\"Image\":\"a\\qb\"}", "invalid character 'q' in string escape code")]
    public async Task A_create_body_Go_cannot_decode_gets_Go_s_decoder_error(string body, string message)
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        Assert.Equal((500, "text/plain; charset=utf-8", message + "\n"), await Raw(daemon, Post("/v1.2/containers/create", body)));
    }

    [Fact]
    public async Task A_create_body_is_its_first_JSON_value_as_Go_s_Decode_reads_it()
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        await Raw(daemon, Post("/v1.2/images/create?fromImage=base", ""));
        Assert.Equal(201, (await Raw(daemon, Post("/v1.2/containers/create", "{\"Image\":\"base\",\"Cmd\":[\"true\"]} and then anything"))).Status);
    }

    [Theory]
    [InlineData("h=abc&w=80", "strconv.Atoi: parsing \"abc\": invalid syntax")]
    [InlineData("h=24&w=", "strconv.Atoi: parsing \"\": invalid syntax")]
    [InlineData("h=%2024&w=80", "strconv.Atoi: parsing \" 24\": invalid syntax")]
    [InlineData("h=24&w=99999999999999999999", "strconv.Atoi: parsing \"99999999999999999999\": value out of range")]
    public async Task A_resize_that_is_not_a_number_gets_Atoi_s_error(string query, string message)
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        await Raw(daemon, Post("/v1.2/images/create?fromImage=base", ""));
        var created = await Raw(daemon, Post("/v1.2/containers/create", "{\"Image\":\"base\",\"Cmd\":[\"true\"]}"));
        var id = created.Body[7..19];
        Assert.Equal((500, "text/plain; charset=utf-8", message + "\n"), await Raw(daemon, Post($"/v1.2/containers/{id}/resize?{query}", "")));
        Assert.Equal(200, (await Raw(daemon, Post($"/v1.2/containers/{id}/resize?h=%2B24&w=80", ""))).Status); // a sign is allowed
    }

    [Theory]
    [InlineData("/v1.2/containers/create", "{not json", 500)]
    [InlineData("/v1.2/containers/create", "", 500)]
    [InlineData("/v1.2/containers/create", "{\"Image\":\"nope\"}", 404)]
    [InlineData("/v1.2/containers/create", "{\"Image\":\"base\",\"Memory\":12}", 500)]
    [InlineData("/v1.2/containers/create", "{\"Image\":7}", 500)]
    [InlineData("/v1.2/images/x/push", "", 500)]
    [InlineData("/v1.2/build", "FROM base", 500)]
    [InlineData("/v1.2/auth", "[]", 500)]
    public async Task Bad_bodies_get_the_daemon_s_error_and_the_emulator_goes_on(string path, string body, int status)
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        var (actual, type, message) = await Raw(daemon, Post(path, body, path.EndsWith("build", StringComparison.Ordinal) ? "text/plain" : "application/json"));
        Assert.Equal((status, "text/plain; charset=utf-8"), (actual, type));
        Assert.NotEqual("", message.Trim());
        Assert.Equal(200, (await Raw(daemon, Get("/v1.2/version"))).Status);
    }

    [Fact]
    public async Task A_tar_with_a_base_256_number_field_is_the_daemons_tar_error()
    {
        var tar = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(tar, System.Formats.Tar.TarEntryFormat.Ustar, leaveOpen: true))
            writer.WriteEntry(new System.Formats.Tar.UstarTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "a.txt") { DataStream = new MemoryStream([1, 2]) });
        var bytes = tar.ToArray();
        // The mode field (offset 100, 8 bytes) in GNU tar's base-256 form, a value too large for any mode.
        bytes.AsSpan(100, 8).Fill(0x7F);
        bytes[100] = 0x80;
        bytes.AsSpan(148, 8).Fill((byte)' ');
        var checksum = Convert.ToString(bytes.AsSpan(0, 512).ToArray().Sum(b => b), 8).PadLeft(6, '0') + "\0 ";
        Encoding.ASCII.GetBytes(checksum).CopyTo(bytes, 148);
        await using var daemon = await EmulatedDaemon.StartAsync();
        using var client = DockerHttpClient.Create(daemon.Endpoint, "1.2");

        using var response = await client.PostAsync("/images/create?fromSrc=-&repo=hostile", new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("Error processing tar file: ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_CMD_that_is_not_JSON_runs_with_sh_as_0_4_4_did_and_the_emulator_stops_cleanly()
    {
        var daemon = await EmulatedDaemon.StartAsync();
        using (var docker = new DockerApi.V1_2.DockerClient(daemon.Endpoint))
        {
            var lines = new List<string>();
            var id = await docker.Images.BuildAsync(new DockerApi.Tests.SyncProgress<Streams.BuildOutputLine>(l => lines.Add(l.Text)), Support.Text("FROM base\nCMD [not json\n"));

            Assert.Equal($"Successfully built {id}", lines[^1]);
            Assert.Equal(["/bin/sh", "-c", "[not json"], (await docker.Images.InspectAsync(id)).Config!.Cmd);
        }
        await daemon.DisposeAsync(); // a route that failed mid-answer once made this throw
    }

    [Fact]
    public async Task A_huge_body_is_refused_with_413()
    {
        await using var daemon = await EmulatedDaemon.StartAsync(new EmulatorOptions { MaxBodyBytes = 1024 });
        var (status, _, body) = await Raw(daemon, Post("/v1.2/containers/create", new string('x', 5000)));
        Assert.Equal((413, "Request body too large\n"), (status, body));
        Assert.Equal(200, (await Raw(daemon, Get("/v1.2/version"))).Status);
    }

    [Theory]
    [InlineData("7FFFFFFF")]
    [InlineData("FFFFFFFFFFFF")]
    public async Task A_chunk_size_past_the_body_limit_is_answered_413_not_dropped(string size)
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        var (status, _, body) = await Raw(daemon, $"POST /v1.2/build HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n{size}\r\nabc");
        Assert.Equal((413, "Request body too large\n"), (status, body));
        Assert.Equal(200, (await Raw(daemon, Get("/v1.2/version"))).Status);
    }

    [Fact]
    public async Task A_request_head_over_64_KiB_is_answered_413_even_when_it_arrives_whole()
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        var head = "GET /v1.2/version HTTP/1.1\r\nHost: x\r\nX-Filler: " + new string('a', 70 * 1024) + "\r\n\r\n";
        var (status, _, _) = await Raw(daemon, head);
        Assert.Equal(413, status);
        Assert.Equal(200, (await Raw(daemon, Get("/v1.2/version"))).Status);
    }

    [Fact]
    public async Task A_client_that_trickles_its_head_is_disconnected_after_the_head_timeout()
    {
        await using var daemon = await EmulatedDaemon.StartAsync(new EmulatorOptions { HeadTimeout = TimeSpan.FromMilliseconds(200) });
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = await daemon.Endpoint.ConnectAsync(guard.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes("GET /v1.2/version HTTP/1.1\r\nHost: x\r\n"), guard.Token);

        // The server closes the connection: the read ends (0 bytes) without an answer.
        Assert.Equal(0, await socket.ReceiveAsync(new byte[1024], SocketFlags.None, guard.Token));
        Assert.Equal(200, (await Raw(daemon, Get("/v1.2/version"))).Status);
    }

    [Theory]
    [InlineData("POST /v1.2/containers/create HTTP/1.1\r\nContent-Length: 500\r\n\r\n{\"Ima")]
    [InlineData("GET /v1.2/vers")]
    [InlineData("NONSENSE\r\n\r\n")]
    [InlineData("POST /v1.2/build HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    public async Task Clients_that_disconnect_or_send_garbage_do_not_take_it_down(string partial)
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        using (var socket = await daemon.Endpoint.ConnectAsync())
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(partial));
            socket.Shutdown(SocketShutdown.Send);
            var buffer = new byte[1024];
            while (await socket.ReceiveAsync(buffer) > 0)
            {
            }
        }
        Assert.Equal(200, (await Raw(daemon, Get("/v1.2/version"))).Status);
    }

    [Fact]
    public async Task The_standalone_emulator_serves_on_the_host_it_is_given()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"dapi-standalone-{Guid.NewGuid():N}.sock");
        var start = new ProcessStartInfo(TestPrograms.Dotnet, $"\"{Path.Combine(AppContext.BaseDirectory, "DockerApi.Emulator.dll")}\" --host unix://{socket}")
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var banner = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal($"Emulated docker 0.4.4 daemon (API v1.0 - v1.2) listening on unix://{socket}", banner);
            using var docker = new DockerApi.V1_2.DockerClient(DockerEndpoint.Parse("unix://" + socket));
            Assert.Equal("0.4.4", (await docker.System.VersionAsync()).Version);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            File.Delete(socket);
        }
    }
}
