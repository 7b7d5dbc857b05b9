using System.Text;
using DockerApi.Tests;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Transport;

public sealed class VersionNegotiationTests
{
    /// <summary>A modern daemon as dockerd 20.10 answers: /_ping with API-Version, /version with the range.</summary>
    private static RawServer ModernDaemon(string maximum, string minimum) => RawServer.KeepAlive(Wire.Unix, r => r.Target switch
    {
        "/_ping" => Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nApi-Version: {maximum}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n\r\nOK"),
        "/version" => Http.Response(200, "OK", $"{{\"Version\":\"20.10.24\",\"ApiVersion\":\"{maximum}\",\"MinAPIVersion\":\"{minimum}\"}}", "application/json"),
        _ => Http.Response(404, "Not Found", "{\"message\":\"page not found\"}", "application/json"),
    });

    [Fact]
    public async Task A_modern_daemon_names_its_versions_and_the_highest_common_one_is_picked()
    {
        await using var daemon = ModernDaemon("1.43", "1.12");
        var negotiated = await VersionNegotiation.NegotiateAsync(daemon.Endpoint, ["1.0", "1.2", "1.41"]);
        Assert.Equal(new NegotiatedVersion("1.41", "1.43", "1.12", "/_ping"), negotiated);
    }

    [Fact]
    public async Task A_newer_client_speaks_an_older_daemons_version_the_closest_one_chosen()
    {
        await using var daemon = ModernDaemon("1.41", "1.12");
        var negotiated = await VersionNegotiation.NegotiateAsync(daemon.Endpoint, ["1.2", "1.47", "1.55"]);
        Assert.Equal(new NegotiatedVersion("1.41", "1.41", "1.12", "/_ping") { ClientVersion = "1.47" }, negotiated);
    }

    [Fact]
    public async Task A_modern_client_does_not_speak_below_1_25()
    {
        await using var daemon = ModernDaemon("1.24", "1.12");
        var e = await Assert.ThrowsAsync<DockerVersionException>(() => VersionNegotiation.NegotiateAsync(daemon.Endpoint, ["1.55"]));
        Assert.Equal("The daemon accepts API 1.12 – 1.24; this client speaks 1.55.", e.Message);
    }

    [Fact]
    public async Task No_common_version_is_a_typed_error_with_both_ranges()
    {
        await using var daemon = ModernDaemon("1.41", "1.12");
        var e = await Assert.ThrowsAsync<DockerVersionException>(() => VersionNegotiation.NegotiateAsync(daemon.Endpoint, ["1.0", "1.1", "1.2"]));
        Assert.Equal("The daemon accepts API 1.12 – 1.41; this client speaks 1.0, 1.1, 1.2. The engine refuses versions this old, and DOCKER_MIN_API_VERSION cannot take an engine below 1.24: use a client of 1.25 or later.", e.Message);
        Assert.Equal("VersionNegotiation", e.Operation);
    }

    [Fact]
    public async Task Versions_compare_as_numbers()
    {
        await using var daemon = ModernDaemon("1.9", "1.0");
        Assert.Equal("1.9", (await VersionNegotiation.NegotiateAsync(daemon.Endpoint, ["1.10", "1.9", "1.2"])).ApiVersion);
    }

    [Fact]
    public async Task An_endless_version_answer_is_a_typed_error_after_a_bounded_read()
    {
        // 1.5 GB announced, streamed until the client stops reading: the read ends at the bound, not at the end.
        await using var daemon = RawServer.Start(Wire.Unix, async c =>
        {
            while (await c.ReadRequestAsync() is { } request)
            {
                if (request.Target == "/_ping")
                {
                    await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
                    continue;
                }
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1500000000\r\n\r\n{\"ApiVersion\":\"");
                var padding = new byte[64 * 1024];
                padding.AsSpan().Fill((byte)'9');
                try
                {
                    for (var sent = 0L; sent < 1_500_000_000; sent += padding.Length)
                        await c.WriteAsync(padding);
                }
                catch (IOException)
                {
                    return; // the client stopped reading and closed
                }
            }
        });

        var e = await Assert.ThrowsAsync<DockerProtocolException>(() => VersionNegotiation.NegotiateAsync(daemon.Endpoint, ["1.41"]));

        Assert.Contains("over the limit", e.Message);
    }

    [Theory]
    [InlineData("{\"ApiVersion\": ", "SystemVersion: the answer is not JSON")]
    [InlineData("{\"ApiVersion\":\"latest\"}", "the daemon's /version names the API version 'latest'")]
    public async Task A_version_answer_that_is_not_what_Docker_sends_is_a_protocol_error(string body, string message)
    {
        await using var daemon = RawServer.KeepAlive(Wire.Unix, r => r.Target == "/version"
            ? Http.Response(200, "OK", body, "application/json")
            : Http.Response(404, "Not Found", "", "text/plain"));

        var e = await Assert.ThrowsAsync<DockerProtocolException>(() => VersionNegotiation.NegotiateAsync(daemon.Endpoint, ["1.41"]));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task A_client_older_than_the_engines_minimum_is_told_of_DOCKER_MIN_API_VERSION()
    {
        await using var modern = ModernDaemon("1.52", "1.44");
        var e = await Assert.ThrowsAsync<DockerVersionException>(() => VersionNegotiation.NegotiateAsync(modern.Endpoint, ["1.2", "1.41"]));
        Assert.Equal("The daemon accepts API 1.44 – 1.52; this client speaks 1.2, 1.41. The engine refuses versions this old: start it with DOCKER_MIN_API_VERSION=1.41 (or lower) to accept this client, or use a newer client.", e.Message);

        var old = await Assert.ThrowsAsync<DockerVersionException>(() => VersionNegotiation.NegotiateAsync(modern.Endpoint, ["1.0", "1.2"]));
        Assert.Contains("DOCKER_MIN_API_VERSION cannot take an engine below 1.24", old.Message);
    }
}
