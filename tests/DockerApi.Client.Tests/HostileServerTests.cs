using System.Net.Sockets;
using System.Text;
using DockerApi.Streams;
using DockerApi.Tests;
using DockerApi.Transport;
using V12 = DockerApi.V1_2;
using V141 = DockerApi.V1_41;

namespace DockerApi.Client.Tests;

/// <summary>
/// A daemon that misbehaves gets a typed <see cref="DockerException"/> with the transport's error inside, never a
/// foreign exception and never unbounded memory. Each call is bounded by a token that cancels after 30 s, so that
/// a regression hangs no run (the bound is a guard, not an assertion on time).
/// </summary>
public sealed class HostileServerTests
{
    private static CancellationToken Bound => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static RawServer Answer(string head, byte[]? body = null, Action<RawConnection>? after = null) => RawServer.Start(Wire.Unix, async c =>
    {
        await c.ReadRequestAsync();
        await c.WriteAsync(head);
        if (body is not null)
            await c.WriteAsync(body);
        after?.Invoke(c);
    });

    [Fact]
    public async Task Connection_refused_is_a_DockerConnectionException_naming_the_endpoint()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dapi-none-{Guid.NewGuid():N}.sock");
        using var docker = new V12.DockerClient(DockerEndpoint.Parse("unix://" + path));

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => docker.System.VersionAsync(Bound));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("unix://" + path, error.Endpoint);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task Tcp_connection_refused_is_a_DockerConnectionException()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)listener.LocalEndPoint!).Port; // bound, never listening: refused
        using var docker = new V12.DockerClient(DockerEndpoint.Parse($"tcp://127.0.0.1:{port}"));

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => docker.System.VersionAsync(Bound));
        Assert.Contains("Is the docker daemon running?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cut_short_of_its_Content_Length_is_a_DockerProtocolException()
    {
        await using var server = Answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Id\":\"abc", after: c => c.ShutdownSend());
        using var docker = new V12.DockerClient(server.Endpoint);

        var error = await Assert.ThrowsAsync<DockerProtocolException>(() => docker.Containers.InspectAsync("abc", Bound));
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task An_error_answer_whose_body_is_cut_short_is_still_a_DockerApiException_with_its_status()
    {
        await using var server = Answer("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nNo such", after: c => c.ShutdownSend());
        using var docker = new V12.DockerClient(server.Endpoint);

        var error = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.InspectAsync("abc", Bound));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_malformed_chunk_is_a_DockerProtocolException()
    {
        await using var server = Answer(Http.ChunkedHead + "zz\r\n{}\r\n0\r\n\r\n");
        using var docker = new V12.DockerClient(server.Endpoint);

        var error = await Assert.ThrowsAsync<DockerProtocolException>(() => docker.Containers.InspectAsync("abc", Bound));
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_connection_reset_mid_attach_is_a_DockerConnectionException()
    {
        await using var server = RawServer.Start(Wire.Unix, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.RawStreamHead + "first bytes");
            c.Socket.LingerState = new LingerOption(true, 0); // close with RST, as a crashed daemon's kernel does
            c.Socket.Close();
        });
        using var docker = new V12.DockerClient(server.Endpoint);
        await using var stream = await docker.Containers.AttachAsync("abc", stream: true, stdout: true, cancellationToken: Bound);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(async () =>
        {
            var buffer = new byte[64];
            while (await stream.ReadAsync(buffer, Bound) > 0) { }
            await stream.WriteAsync("more input"u8.ToArray(), Bound); // a reset shows on the read, or else here
            while (await stream.ReadAsync(buffer, Bound) > 0) { }
        });
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task Invalid_UTF_8_inside_a_JSON_progress_stream_is_a_DockerProtocolException()
    {
        var bad = Encoding.UTF8.GetBytes("{\"status\":\"x\"}").Concat(Encoding.UTF8.GetBytes("{\"status\":\"")).Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat("\"}"u8.ToArray()).ToArray();
        await using var server = Answer($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bad.Length}\r\n\r\n", bad);
        using var docker = new V141.DockerClient(server.Endpoint);

        var seen = new List<string?>();
        var error = await Assert.ThrowsAsync<DockerProtocolException>(async () =>
        {
            await foreach (var message in docker.Images.CreateAsync(fromImage: "busybox", cancellationToken: Bound))
                seen.Add(message.Status);
        });
        Assert.Equal(["x"], seen); // what came before the bad value is delivered
    }

    [Fact]
    public async Task A_response_head_over_the_limit_on_the_pooled_path_is_a_DockerProtocolException()
    {
        var huge = "X-Filler: " + new string('a', 70 * 1024) + "\r\n";
        await using var server = Answer("HTTP/1.1 200 OK\r\n" + huge + "Content-Length: 2\r\n\r\n{}");
        using var docker = new V12.DockerClient(server.Endpoint);

        var error = await Assert.ThrowsAsync<DockerProtocolException>(() => docker.System.VersionAsync(Bound));
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_body_read_whole_over_the_bound_is_refused_by_its_declared_length_before_it_is_read()
    {
        await using var server = Answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{\"Id\":");
        using var docker = new V12.DockerClient(server.Endpoint);

        var error = await Assert.ThrowsAsync<DockerProtocolException>(() => docker.Containers.InspectAsync("abc", Bound));
        Assert.Contains("104857600 bytes, over the limit of 67108864", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_read_whole_over_the_bound_is_cut_off_where_it_passes_it()
    {
        var chunk = "\"" + new string('a', 64 * 1024) + "\",";
        await using var server = RawServer.Start(Wire.Unix, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.ChunkedHead);
            await c.WriteChunkAsync("{\"Id\":\"x\",\"Args\":[");
            for (var i = 0; i < 40; i++) // 2.5 MiB, over the 1 MiB set below
                await c.WriteChunkAsync(chunk);
        });
        using var docker = new V12.DockerClient(server.Endpoint, new DockerTransportOptions { MaxResponseBodyBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<DockerProtocolException>(() => docker.Containers.InspectAsync("abc", Bound));
        Assert.Contains("over the limit of 1048576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bound_is_the_one_the_client_was_built_with_whatever_the_options_object_becomes()
    {
        await using var server = Answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"Id\":");
        var options = new DockerTransportOptions { MaxResponseBodyBytes = 1024 };
        using var docker = new V12.DockerClient(server.Endpoint, options);
        options.MaxResponseBodyBytes = long.MaxValue;

        var error = await Assert.ThrowsAsync<DockerProtocolException>(() => docker.Containers.InspectAsync("abc", Bound));
        Assert.Contains("over the limit of 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_101_to_a_request_that_did_not_ask_to_upgrade_is_a_DockerProtocolException()
    {
        await using var server = Answer("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n{\"Id\":\"abc\"}");
        using var docker = new V12.DockerClient(server.Endpoint);

        var error = await Assert.ThrowsAsync<DockerProtocolException>(() => docker.Containers.InspectAsync("abc", Bound));
        Assert.Contains("101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_304_is_success_for_the_operations_whose_spec_lists_it_and_an_error_elsewhere()
    {
        await using var server = RawServer.KeepAlive(Wire.Unix, _ => Http.Response(304, "Not Modified", "", null));
        using var docker = new V141.DockerClient(server.Endpoint);

        await docker.Containers.StopAsync("abc", cancellationToken: Bound);  // already stopped
        await docker.Containers.StartAsync("abc", cancellationToken: Bound); // already running
        var error = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.RestartAsync("abc", cancellationToken: Bound));
        Assert.Equal(System.Net.HttpStatusCode.NotModified, error.StatusCode);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("12abc")]
    [InlineData("2, 2")]
    public async Task A_Content_Length_that_is_not_one_non_negative_number_is_a_DockerProtocolException(string length)
    {
        await using var server = Answer($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n{{}}", after: c => c.ShutdownSend());
        using var docker = new V12.DockerClient(server.Endpoint);

        await Assert.ThrowsAsync<DockerProtocolException>(() => docker.System.VersionAsync(Bound));
    }

}

/// <summary>Failing calls leak nothing. Alone in its collection: other tests' sockets would blur the count.</summary>
[Collection(nameof(LeakTests))]
[CollectionDefinition(nameof(LeakTests), DisableParallelization = true)]
public sealed class LeakTests
{
    [Fact]
    public async Task Ten_thousand_failing_calls_leave_no_descriptor_or_thread_behind()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dapi-none-{Guid.NewGuid():N}.sock");
        using var docker = new V12.DockerClient(DockerEndpoint.Parse("unix://" + path));
        await Assert.ThrowsAsync<DockerConnectionException>(() => docker.System.VersionAsync());
        var (descriptors, threads) = (OpenDescriptors(), System.Diagnostics.Process.GetCurrentProcess().Threads.Count);

        for (var i = 0; i < 10_000; i++)
            await Assert.ThrowsAsync<DockerConnectionException>(() => docker.System.VersionAsync());

        Assert.InRange(OpenDescriptors(), 0, descriptors + 8);
        Assert.InRange(System.Diagnostics.Process.GetCurrentProcess().Threads.Count, 0, threads + 8);
    }

    private static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;
}
