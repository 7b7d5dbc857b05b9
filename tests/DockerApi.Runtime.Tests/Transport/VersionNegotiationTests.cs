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
        Assert.Equal("The daemon accepts API 1.12 – 1.41; this client speaks 1.0, 1.1, 1.2.", e.Message);
        Assert.Equal("VersionNegotiation", e.Operation);
    }

    [Fact]
    public async Task Versions_compare_as_numbers()
    {
        await using var daemon = ModernDaemon("1.9", "1.0");
        Assert.Equal("1.9", (await VersionNegotiation.NegotiateAsync(daemon.Endpoint, ["1.10", "1.9", "1.2"])).ApiVersion);
    }
}
