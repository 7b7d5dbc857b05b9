using System.Net;
using System.Security.Cryptography;
using System.Text;
using DockerApi.Tests;
using DockerApi.Runtime.Tests.Streams;
using DockerApi.Streams;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Hijack;

public sealed class HijackTests
{
    private static HttpRequestMessage Attach(string query = "stream=1&stdin=1&stdout=1&stderr=1", HijackMode mode = HijackMode.Raw) =>
        new HttpRequestMessage(HttpMethod.Post, "/containers/4fa6e0f0c678/attach?" + query).WithHijack(mode);

    private static async Task<DockerHijackedStream> HijackAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await response.GetHijackedStreamAsync("ContainerAttach", cancellationToken);
    }

    private static async Task<string> ReadToEndAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task Bytes_in_the_same_packet_as_the_head_are_not_lost(Wire wire)
    {
        RawRequest? seen = null;
        await using var server = RawServer.Start(wire, async c =>
        {
            seen = await c.ReadRequestAsync();
            // One write: the 2013 daemon's hand-written head, then the stored logs, then close.
            await c.WriteAsync(Http.RawStreamHead + "hello from stdout\nhello from stderr\n");
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");

        await using var stream = await HijackAsync(client, Attach("logs=1&stdout=1&stderr=1"));

        Assert.Equal("hello from stdout\nhello from stderr\n", await ReadToEndAsync(stream));
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        await server.DrainAsync();
        Assert.Equal("POST", seen!.Method);
        Assert.Equal("/v1.2/containers/4fa6e0f0c678/attach?logs=1&stdout=1&stderr=1", seen.Target);
        Assert.Equal("0", seen.Header("Content-Length"));
        Assert.Null(seen.Header("Upgrade"));
    }

    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task Stdin_round_trips_and_half_close_ends_it_while_output_goes_on(Wire wire)
    {
        await using var server = RawServer.Start(wire, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.RawStreamHead);
            var buffer = new byte[1024];
            int read;
            while ((read = await c.ReadAsync(buffer)) > 0) // `cat`: echo stdin until its end
                await c.WriteAsync(buffer[..read]);
            await c.WriteAsync("stdin closed\n"); // output after the client's half-close still arrives
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        await using var stream = await HijackAsync(client, Attach());

        await stream.WriteAsync("ping\n"u8.ToArray());
        var echo = new byte[5];
        await stream.ReadExactlyAsync(echo);
        Assert.Equal("ping\n", Encoding.UTF8.GetString(echo));

        stream.CloseWrite();
        Assert.Equal("stdin closed\n", await ReadToEndAsync(stream));
        await server.DrainAsync();
    }

    [Theory]
    [InlineData(Wire.Tcp, 404, "Not Found", "No such container: 4fa6e0f0c678\n", "No such container: 4fa6e0f0c678")]
    [InlineData(Wire.Unix, 400, "Bad Request", "Bad parameter\n", "Bad parameter")]
    public async Task An_error_before_the_hijack_raises_with_the_daemon_s_message(Wire wire, int status, string reason, string body, string message)
    {
        await using var server = RawServer.Start(wire, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.Response(status, reason, body));
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");

        var e = await Assert.ThrowsAsync<DockerApiException>(() => HijackAsync(client, Attach("stream=1&stdout=x")));

        Assert.Equal((HttpStatusCode)status, e.StatusCode);
        Assert.Equal(message, e.DaemonMessage);
        Assert.Equal("ContainerAttach", e.Operation);
        Assert.Equal("/v1.2/containers/4fa6e0f0c678/attach?stream=1&stdout=x", e.RequestPath);
    }

    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task An_upgrade_to_tcp_answered_101_carries_multiplexed_output(Wire wire)
    {
        RawRequest? seen = null;
        await using var server = RawServer.Start(wire, async c =>
        {
            seen = await c.ReadRequestAsync();
            await c.WriteAsync("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
            var stdin = new byte[64];
            var read = await c.ReadAsync(stdin);
            await c.WriteAsync([.. MultiplexedStreamTests.Frame(StdStream.Stderr, "err-line\n"), .. MultiplexedStreamTests.Frame(StdStream.Stdout, "got:" + Encoding.UTF8.GetString(stdin, 0, read))]);
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.41");
        await using var stream = await HijackAsync(client, Attach(mode: HijackMode.UpgradeTcp));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, stream.StatusCode);

        await stream.WriteAsync("hello-stdin\n"u8.ToArray());
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        await new MultiplexedStream(stream).CopyOutputToAsync(stdout, stderr);

        Assert.Equal("got:hello-stdin\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("err-line\n", Encoding.UTF8.GetString(stderr.ToArray()));
        await server.DrainAsync();
        Assert.Equal("Upgrade", seen!.Header("Connection"));
        Assert.Equal("tcp", seen.Header("Upgrade"));
    }

    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task A_64_MiB_output_arrives_intact(Wire wire)
    {
        const int size = 64 * 1024 * 1024;
        var sent = new TaskCompletionSource<byte[]>();
        await using var server = RawServer.Start(wire, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.RawStreamHead);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var block = new byte[1024 * 1024];
            var random = new Random(4243);
            for (var written = 0; written < size; written += block.Length)
            {
                random.NextBytes(block);
                hash.AppendData(block);
                await c.WriteAsync(block);
            }
            sent.SetResult(hash.GetHashAndReset());
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        await using var stream = await HijackAsync(client, Attach("stream=1&stdout=1"));

        var received = await SHA256.HashDataAsync(stream);

        Assert.Equal(await sent.Task, received);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.doc", "inside the response head")]
    [InlineData("", "without answering")]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n\r\n", "HTTP/1.x status line")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "malformed header line")]
    [InlineData("HTTP/1.1 -12 X\r\n\r\n", "HTTP/1.x status line")]
    [InlineData("HTTP/1.1 +20 X\r\n\r\n", "HTTP/1.x status line")]
    [InlineData("HTTP/1.1 099 X\r\n\r\n", "HTTP/1.x status line")]
    public async Task A_broken_head_raises_a_protocol_error(string bytes, string reason)
    {
        await using var server = RawServer.Start(Wire.Unix, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(bytes);
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        var e = await Assert.ThrowsAsync<DockerProtocolException>(() => HijackAsync(client, Attach()));
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("FFFFFFFF")]
    [InlineData("7FFFFFFF")]
    [InlineData("-1")]
    public async Task An_error_body_with_a_hostile_chunk_size_still_raises_the_daemons_error(string size)
    {
        await using var server = RawServer.Start(Wire.Unix, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync($"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{size}\r\n{{\"message\":\"boom\"}}");
            c.ShutdownSend();
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.41");

        var e = await Assert.ThrowsAsync<DockerApiException>(() => HijackAsync(client, Attach()));

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
    }

    [Fact]
    public async Task A_head_over_the_bound_raises_instead_of_growing()
    {
        await using var server = RawServer.Start(Wire.Tcp, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync("HTTP/1.1 200 OK\r\nX-Padding: " + new string('p', 100_000) + "\r\n\r\n");
        });
        using var client = new HttpClient(new DockerHttpHandler(server.Endpoint, new DockerTransportOptions { MaxResponseHeadBytes = 8192 }))
        {
            BaseAddress = server.Endpoint.BaseAddress,
        };
        var e = await Assert.ThrowsAsync<DockerProtocolException>(() => HijackAsync(client, Attach()));
        Assert.Contains("larger than 8192 bytes", e.Message);
    }

    [Fact]
    public async Task Waiting_for_the_head_and_reading_output_are_cancelled_by_their_tokens()
    {
        var requestSeen = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var server = RawServer.Start(Wire.Unix, async c =>
        {
            var request = await c.ReadRequestAsync();
            if (request!.Target.Contains("logs", StringComparison.Ordinal))
                await c.WriteAsync(Http.RawStreamHead); // then no output
            requestSeen.TrySetResult();
            await release.Task;
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");

        using (var cts = new CancellationTokenSource())
        {
            var pending = HijackAsync(client, Attach(), cts.Token);
            await requestSeen.Task;
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        }

        await using var stream = await HijackAsync(client, Attach("logs=1&stream=1&stdout=1"));
        using (var cts = new CancellationTokenSource())
        {
            var read = stream.ReadAsync(new byte[16], cts.Token).AsTask();
            Assert.False(read.IsCompleted);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        }
        release.SetResult();
    }

    [Fact]
    public async Task Delegating_handlers_see_the_hijacked_request_and_response()
    {
        await using var server = RawServer.Start(Wire.Tcp, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.RawStreamHead + "out");
        });
        var recorder = new RecordingHandler { InnerHandler = new ApiVersionHandler("1.2", new DockerHttpHandler(server.Endpoint)) };
        using var client = new HttpClient(recorder) { BaseAddress = server.Endpoint.BaseAddress };
        var request = Attach("logs=1&stdout=1");
        request.Headers.UserAgent.ParseAdd("DockerApi-Test/1.0");

        await using var stream = await HijackAsync(client, request);

        Assert.Equal("out", await ReadToEndAsync(stream));
        Assert.Equal("POST /v1.2/containers/4fa6e0f0c678/attach?logs=1&stdout=1 -> 200", Assert.Single(recorder.Seen));
    }

    [Fact]
    public async Task A_path_parameter_is_escaped_not_injected()
    {
        RawRequest? seen = null;
        await using var server = RawServer.Start(Wire.Unix, async c =>
        {
            seen = await c.ReadRequestAsync();
            await c.WriteAsync(Http.RawStreamHead);
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        var id = Uri.EscapeDataString("a b/c?d");
        await using var stream = await HijackAsync(client, new HttpRequestMessage(HttpMethod.Post, $"/containers/{id}/attach?stdout=1").WithHijack());
        await server.DrainAsync();
        Assert.Equal("/v1.2/containers/a%20b%2Fc%3Fd/attach?stdout=1", seen!.Target);
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<string> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Seen.Add($"{request.Method} {request.RequestUri!.PathAndQuery} -> {(int)response.StatusCode}");
            return response;
        }
    }
}
