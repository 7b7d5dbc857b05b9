using System.Text;
using DockerApi.Tests;
using DockerApi.Streams;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Streams;

public sealed class TextStreamTests
{
    private const string PullV10 =
        "Pulling repository base from https://index.docker.io/v1\r\n" +
        "Pulling image b750fe79269d (latest) from base\r\n" +
        "Downloading 1.049 MB/10.49 MB (10%)\rDownloading 10.49 MB/10.49 MB (100%)\r\r\n";

    [Fact]
    public async Task V1_0_progress_separates_status_lines_from_progress_updates_at_every_boundary()
    {
        for (var perRead = 1; perRead <= 5; perRead++)
        {
            var lines = new List<ProgressLine>();
            await foreach (var line in TextProgress.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(PullV10), perRead)))
                lines.Add(line);
            Assert.Equal(
            [
                new("Pulling repository base from https://index.docker.io/v1", false),
                new("Pulling image b750fe79269d (latest) from base", false),
                new("Downloading 1.049 MB/10.49 MB (10%)", true),
                new("Downloading 10.49 MB/10.49 MB (100%)", true),
                new("", false),
            ], lines);
        }
    }

    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task V1_0_error_line_inside_a_200_raises_after_the_lines_before_it(Wire wire)
    {
        await using var server = RawServer.Chunked(wire, Http.TextChunkedHead,
            "Pulling repository base from https://index.docker.io/v1\r\n",
            "Error: Tag foo not found in repositoy base\r\n");
        using var client = DockerHttpClient.Create(server.Endpoint, "1.0");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/images/create?fromImage=base&tag=foo"), HttpCompletionOption.ResponseHeadersRead);
        var delivered = new List<string>();
        var e = await Assert.ThrowsAsync<DockerStreamException>(async () =>
        {
            await foreach (var line in TextProgress.ReadAsync(await response.Content.ReadAsStreamAsync(), "ImageCreate"))
                delivered.Add(line.Text);
        });
        Assert.Equal(["Pulling repository base from https://index.docker.io/v1"], delivered);
        Assert.Equal("Tag foo not found in repositoy base", e.DaemonMessage);
    }

    [Fact]
    public async Task The_last_line_without_a_break_is_delivered()
    {
        // v1.0 insert ends with the bare {"Id":…} object, no newline.
        var lines = new List<TextLine>();
        await foreach (var line in TextLines.ReadAsync(new MemoryStream("Downloading 1/? (n/a)\r\r\n{\"Id\":\"a1b2c3d4e5f6\"}"u8.ToArray())))
            lines.Add(line);
        Assert.Equal([new("Downloading 1/? (n/a)", LineEnd.CarriageReturn), new("", LineEnd.NewLine), new("{\"Id\":\"a1b2c3d4e5f6\"}", LineEnd.EndOfStream)], lines);
    }

    [Fact]
    public async Task A_line_over_the_bound_raises()
    {
        var e = await Assert.ThrowsAsync<DockerProtocolException>(async () =>
        {
            await foreach (var _ in TextLines.ReadAsync(new TrickleStream(new byte[5000], 64), maxLineBytes: 1000))
            {
            }
        });
        Assert.Contains("longer than 1000 bytes", e.Message);
    }

    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task Build_output_carries_the_image_id_of_a_success(Wire wire)
    {
        await using var server = RawServer.Chunked(wire, Http.TextChunkedHead,
            "Step 1 : FROM base\n", " ---> b750fe79269d\n", "Step 2 : RUN touch /x\n", " ---> Running in 3d67245a8d72\n", " ---> 596069db4bf5\n", "Successfully built 596069db4bf5\n");
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/build"), HttpCompletionOption.ResponseHeadersRead);
        var seen = new List<BuildOutputLine>();
        var id = await BuildOutput.ReadImageIdAsync(await response.Content.ReadAsStreamAsync(), new SyncProgress<BuildOutputLine>(seen.Add));
        Assert.Equal("596069db4bf5", id);
        Assert.Equal(6, seen.Count);
        Assert.Equal("Step 1 : FROM base", seen[0].Text);
        Assert.Null(seen[0].ImageId);
    }

    [Fact]
    public async Task Build_failure_inside_a_200_raises_after_the_lines_before_it()
    {
        var wire = "Step 1 : FROM base\n ---> b750fe79269d\nStep 2 : RUN false\n ---> Running in 3d67245a8d72\nError build: The command [/bin/sh -c false] returned a non-zero code: 1\n"u8.ToArray();
        var seen = new List<string>();
        var e = await Assert.ThrowsAsync<DockerStreamException>(() =>
            BuildOutput.ReadImageIdAsync(new TrickleStream(wire, 3), new SyncProgress<BuildOutputLine>(l => seen.Add(l.Text)), "ImageBuild"));
        Assert.Equal("The command [/bin/sh -c false] returned a non-zero code: 1", e.DaemonMessage);
        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public async Task Build_output_that_ends_without_success_raises()
    {
        var e = await Assert.ThrowsAsync<DockerStreamException>(() => BuildOutput.ReadImageIdAsync(new MemoryStream("Step 1 : FROM base\n"u8.ToArray())));
        Assert.Contains("Successfully built", e.Message);
    }
}
