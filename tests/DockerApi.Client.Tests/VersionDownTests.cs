using System.Text;
using DockerApi.Tests;
using DockerApi.Transport;
using V141 = DockerApi.V1_41;

namespace DockerApi.Client.Tests;

/// <summary>
/// A newer client speaks an older daemon's version, as the docker CLI does: every request carries the daemon's prefix,
/// and a call or parameter that version lacks (<c>x-docker-since</c>) is refused before anything is sent.
/// </summary>
public sealed class VersionDownTests
{
    /// <summary>A modern daemon of API 1.39 (Docker 19.03) that answers /_ping and /version and records the rest.</summary>
    private static RawServer Daemon139(List<RawRequest> seen) => RawServer.Recording(seen, (request, c) => c.WriteAsync(request.Target switch
    {
        "/_ping" => Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nAPI-Version: 1.39\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK"),
        "/version" => Http.Response(200, "OK", """{"ApiVersion":"1.39","MinAPIVersion":"1.12","Version":"19.03.0"}""", "application/json"),
        _ => Http.Response(200, "OK", "[]", "application/json"),
    }));

    [Fact]
    public async Task ConnectAsync_speaks_the_older_daemons_version_and_says_so()
    {
        var seen = new List<RawRequest>();
        await using var server = Daemon139(seen);

        using var docker = await V141.DockerClient.ConnectAsync(server.Endpoint);
        await docker.Containers.ListAsync(all: true);

        Assert.Equal("1.39", docker.Negotiated!.ApiVersion);
        Assert.Equal("1.41", docker.Negotiated.ClientVersion);
        Assert.Equal("/v1.39/containers/json?all=true", seen.Last().Target);
    }

    [Fact]
    public async Task An_operation_newer_than_the_spoken_version_is_refused_before_anything_is_sent()
    {
        var seen = new List<RawRequest>();
        await using var server = Daemon139(seen);
        using var docker = await V141.DockerClient.ConnectAsync(server.Endpoint);
        var before = seen.Count;

        // GET /configs: API 1.30 in the published files, so 1.39 has it; HEAD /_ping came with 1.40.
        await docker.Configs.ListAsync();
        var error = await Assert.ThrowsAsync<DockerVersionException>(() => docker.System.PingHeadAsync());

        Assert.Equal(before + 1, seen.Count);
        Assert.Equal(("SystemPingHead", "1.40", "1.39"), (error.Operation, error.RequiredVersion, error.ApiVersion));
        Assert.Contains("SystemPingHead needs API 1.40 or later; this connection speaks API 1.39", error.Message);
    }

    [Fact]
    public async Task A_parameter_newer_than_the_spoken_version_is_refused_only_when_given()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, (_, c) => c.WriteAsync(Http.Response(200, "OK", "{}", "application/json")));
        using var docker = new V141.DockerClient(server.Endpoint, new NegotiatedVersion("1.39", "1.39", null, "/_ping") { ClientVersion = "1.41" });

        var stats = docker.Containers.StatsAsync("c1", stream: false, oneShot: true);
        var error = await Assert.ThrowsAsync<DockerVersionException>(async () => { await foreach (var _ in stats) { } });
        Assert.Equal(0, server.Accepted);
        Assert.Equal("ContainerStats (one-shot)", error.Operation);

        await foreach (var _ in docker.Containers.StatsAsync("c1", stream: false)) { }
        Assert.Equal("/v1.39/containers/c1/stats?stream=false", Assert.Single(seen).Target);
    }

    [Fact]
    public void A_negotiation_for_another_client_version_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new V141.DockerClient(DockerEndpoint.Parse("unix:///nowhere.sock"), new NegotiatedVersion("1.2", null, null, "probe")));
        Assert.Equal("negotiated", error.ParamName);
    }
}
