using System.Text;
using DockerApi.Streams;
using DockerApi.Tests;
using DockerApi.V1_1;

namespace DockerApi.Client.Tests;

/// <summary>Build through the generated v1.1 client: multipart form in, image id or raised failure out.</summary>
public sealed class BuildTests
{
    [Fact]
    public async Task Build_sends_a_multipart_form_and_returns_the_image_id_or_raises_the_failure()
    {
        var seen = new List<RawRequest>();
        var fail = false;
        await using var server = RawServer.Recording(seen, async (_, c) =>
        {
            await c.WriteAsync(Http.TextChunkedHead);
            await c.WriteChunkAsync("Step 1 : FROM base\n ---> b750fe79269d\n");
            await c.WriteChunkAsync(fail ? "Error build: The command [/bin/sh -c false] returned a non-zero code: 1\n" : "Successfully built 596069db4bf5\n");
            await c.EndChunksAsync();
        });
        using var docker = new DockerClient(server.Endpoint);

        var id = await docker.Images.BuildAsync(progress: null, new MemoryStream("FROM base\n"u8.ToArray()), t: "web");
        fail = true;
        var e = await Assert.ThrowsAsync<DockerStreamException>(() => docker.Images.BuildAsync(progress: null, new MemoryStream("FROM base\nRUN false\n"u8.ToArray())));

        Assert.Equal("596069db4bf5", id);
        Assert.Equal("The command [/bin/sh -c false] returned a non-zero code: 1", e.DaemonMessage);
        Assert.Equal("/v1.1/build?t=web", seen[0].Target);
        Assert.StartsWith("multipart/form-data; boundary=", seen[0].Header("Content-Type"));
        Assert.Contains("name=Dockerfile; filename=Dockerfile", Encoding.UTF8.GetString(seen[0].Body));
    }
}
