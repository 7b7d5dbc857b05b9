using DockerApi.Streams;
using DockerApi.Tests;
using DockerApi.V1_2;

namespace DockerApi.Client.Tests;

/// <summary>The IProgress conveniences, as a user calls them with the version namespace imported.</summary>
public sealed class ProgressExtensionTests
{
    [Fact]
    public async Task Pull_streams_json_progress_and_raises_the_error_inside_the_200()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, async (_, c) =>
        {
            await c.WriteAsync(Http.ChunkedHead);
            await c.WriteChunkAsync("{\"status\":\"Pulling repository base from https://index.docker.io/v1\"}");
            await c.WriteChunkAsync("{\"status\":\"Downloading\",\"progress\":\"1.049 MB/10.49 MB (10%)\"}{}");
            await c.WriteChunkAsync("{\"error\":\"Could not find repository on any of the indexed registries.\"}");
            await c.EndChunksAsync();
        });
        using var docker = new DockerClient(server.Endpoint);
        var reported = new List<ProgressMessage>();

        var e = await Assert.ThrowsAsync<DockerStreamException>(() =>
            docker.Images.CreateAsync(new SyncProgress<ProgressMessage>(reported.Add), fromImage: "base", tag: "latest"));

        Assert.Equal("/v1.2/images/create?fromImage=base&tag=latest", seen[0].Target);
        Assert.Equal(["Pulling repository base from https://index.docker.io/v1", "Downloading", null], reported.Select(m => m.Status));
        Assert.Equal("1.049 MB/10.49 MB (10%)", reported[1].Progress);
        Assert.Equal("Could not find repository on any of the indexed registries.", e.DaemonMessage);
        Assert.Equal("ImageCreate", e.Operation);
    }
}
