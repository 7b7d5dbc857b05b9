using System.Net;
using System.Text.Json;
using DockerApi.Tests;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Transport;

public sealed class DockerHttpClientTests
{
    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task Every_request_carries_the_version_prefix_once(Wire wire)
    {
        var seen = new List<string>();
        await using var server = RawServer.KeepAlive(wire, r =>
        {
            lock (seen)
                seen.Add(r.Target);
            return Http.Response(200, "OK", "{}", "application/json");
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");

        (await client.GetAsync("/version")).Dispose();
        (await client.GetAsync("/containers/json?all=1")).Dispose();
        (await client.GetAsync("/v1.0/info")).Dispose();
        (await client.GetAsync("images/search?term=a%20b")).Dispose();

        Assert.Equal(["/v1.2/version", "/v1.2/containers/json?all=1", "/v1.0/info", "/v1.2/images/search?term=a%20b"], seen);
    }

    [Theory]
    [InlineData(Wire.Unix, HijackMode.None)]
    [InlineData(Wire.Tcp, HijackMode.None)]
    [InlineData(Wire.Unix, HijackMode.UpgradeTcp)]
    public async Task A_header_added_by_hand_with_a_line_break_or_NUL_never_reaches_the_wire(Wire wire, HijackMode mode)
    {
        await using var server = RawServer.KeepAlive(wire, _ => Http.Response(200, "OK", "{}", "application/json"));
        using var client = DockerHttpClient.Create(server.Endpoint, "1.41");

        foreach (var value in new[] { "a\r\nX-Injected: 1", "a\nb", "a\0b" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/containers/x/attach").WithHijack(mode);
            request.Headers.TryAddWithoutValidation("X-Custom", value);
            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(request));
            Assert.Equal("X-Custom", error.ParamName);
        }
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public void The_client_has_no_overall_timeout()
    {
        using var client = DockerHttpClient.Create(DockerEndpoint.Parse("tcp://127.0.0.1:1"), "1.2");
        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
    }

    [Fact]
    public void Rejects_a_malformed_api_version()
    {
        Assert.Throws<ArgumentException>(() => new ApiVersionHandler("v1.2"));
        Assert.Throws<ArgumentException>(() => new ApiVersionHandler("1"));
    }

    [Fact]
    public async Task A_redirect_is_returned_not_followed()
    {
        // gorilla/mux redirects "/containers//json" to "/containers/json", the list: never follow it.
        await using var server = RawServer.KeepAlive(Wire.Unix, _ => System.Text.Encoding.ASCII.GetBytes(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: /v1.2/containers/json\r\nContent-Length: 0\r\n\r\n"));
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        using var response = await client.GetAsync("/containers//json");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
    }

    [Fact]
    public async Task A_201_text_plain_answer_is_read_as_json()
    {
        await using var server = RawServer.KeepAlive(Wire.Tcp, _ => Http.Response(201, "Created", "{\"Id\":\"e90e34656806\"}"));
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        var created = await DockerResponse.ReadJsonAsync(await client.PostAsync("/containers/create", new StringContent("{}")),
            TestJson.Default.IdResponse, "ContainerCreate");
        Assert.Equal("e90e34656806", created.Id);
    }
}

/// <summary>Counts this process's sockets, so it runs alone: other test classes open sockets in parallel.</summary>
[Collection(nameof(SocketCountCollection))]
public sealed class SocketCountTests
{
    [Fact]
    public async Task Sequential_requests_reuse_one_unix_socket_connection_and_leave_the_socket_count_flat()
    {
        await using var server = RawServer.KeepAlive(Wire.Unix, _ => Http.Response(200, "OK", "{\"Version\":\"0.4.4\"}", "application/json"));
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        (await client.GetAsync("/version")).Dispose();
        var before = OpenSockets();

        for (var i = 0; i < 10_000; i++)
        {
            using var response = await client.GetAsync("/version");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsByteArrayAsync();
        }

        Assert.Equal(1, server.Accepted);
        // Only growth is a leak: sockets other test classes left may still close (idle pools, finalizers) meanwhile.
        Assert.InRange(OpenSockets(), 0, before + 2);
    }

    /// <summary>Open socket descriptors of this process.</summary>
    private static int OpenSockets() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(f => f.LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true);
}

internal sealed record IdResponse(string Id);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(IdResponse))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Streams.ProgressMessage))]
internal sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;

[CollectionDefinition(nameof(SocketCountCollection), DisableParallelization = true)]
public sealed class SocketCountCollection;
