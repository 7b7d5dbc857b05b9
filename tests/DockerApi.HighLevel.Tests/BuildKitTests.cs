using DockerApi.Build;
using DockerApi.Build.BuildKit;
using DockerApi.Transport;

namespace DockerApi.HighLevel.Tests;

/// <summary>BuildKit builds through the Engine API (no session): typed progress, plain lines, failures with their step, the builder's choice.</summary>
public sealed class BuildKitTests
{
    private const string Dockerfile = """
        FROM test:latest AS base
        ARG GREETING
        RUN --mount=type=cache,target=/cache echo "$GREETING" > /cache/greeting && cp /cache/greeting /greeting
        COPY . /ctx
        FROM base AS final
        RUN echo final > /final
        FROM base AS never
        RUN exit 9
        """;

    [SkippableFact]
    public async Task A_cache_mount_a_target_stage_build_args_and_dockerignore_build_with_BuildKit()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var folder = BuildFolders.Context(Dockerfile, ("kept.txt", "kept"), ("secret.txt", "never sent"), (".dockerignore", "secret.txt\n"));
        var tag = $"dockerapi-bk-{Guid.NewGuid():N}"[..24] + ":1";
        try
        {
            var lines = new List<string>();
            var updates = new List<BuildUpdate>();
            await foreach (var u in daemon.Docker.Images.BuildStreamAsync(folder, Options(tag)))
                updates.Add(u);
            var plain = new PlainProgress();
            lines.AddRange(updates.SelectMany(plain.Lines));

            Assert.NotNull(updates[^1].ImageId);
            Assert.Contains(updates.SelectMany(u => u.Steps), s => s.Name.Contains("RUN --mount=type=cache") && s.Completed is not null);
            Assert.DoesNotContain(updates.SelectMany(u => u.Steps), s => s.Name.Contains("exit 9"));
            Assert.Contains(lines, l => l.StartsWith('#') && l.EndsWith("s") && l.Contains(" DONE "));
            var r = await daemon.Docker.Containers.RunAsync(tag, ["sh", "-c", "cat /greeting /final; ls /ctx"]);
            Assert.Equal("hello\nfinal\nDockerfile\nkept.txt\n", r.Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (await daemon.Docker.Images.ExistsAsync(tag))
                await daemon.Docker.Images.RemoveAsync(tag);
        }
    }

    [SkippableFact]
    public async Task A_failing_RUN_names_its_step_and_output_and_tags_nothing()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var folder = BuildFolders.Context("FROM test:latest\nRUN echo about to fail; exit 3\n");
        var tag = $"dockerapi-bk-fail{Guid.NewGuid():N}"[..24] + ":1";
        try
        {
            var lines = new List<string>();
            var failed = await Assert.ThrowsAsync<DockerStreamException>(() =>
                daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Tag = tag, Builder = Builder.BuildKit, Network = "none" }, new DockerApi.Tests.SyncProgress<string>(lines.Add)));

            Assert.Contains("exit code: 3", failed.Message);
            Assert.Contains("RUN echo about to fail; exit 3", failed.Message);
            Assert.Contains("about to fail", failed.Message);
            Assert.Contains(lines, l => l.Contains("ERROR"));
            Assert.False(await daemon.Docker.Images.ExistsAsync(tag));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task The_builder_is_chosen_as_the_docker_CLI_chooses()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var folder = BuildFolders.Context("FROM test:latest\nRUN echo chosen\n");
        var saved = Environment.GetEnvironmentVariable("DOCKER_BUILDKIT");
        try
        {
            // Docker 20.10's /_ping says no Builder-Version: the legacy builder, unless DOCKER_BUILDKIT=1 asks.
            Environment.SetEnvironmentVariable("DOCKER_BUILDKIT", null);
            Assert.Contains(await LinesAsync(daemon, folder, Builder.Auto), l => l.StartsWith("Step 1/2 : FROM test:latest", StringComparison.Ordinal));
            Environment.SetEnvironmentVariable("DOCKER_BUILDKIT", "1");
            Assert.Contains(await LinesAsync(daemon, folder, Builder.Auto), l => l.StartsWith('#') && l.Contains("RUN echo chosen"));
            Assert.Contains(await LinesAsync(daemon, folder, Builder.Legacy), l => l.StartsWith("Step 1/2", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_BUILDKIT", saved);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_2013_daemon_has_no_BuildKit_and_nothing_is_sent()
    {
        await using var daemon = await Engines.ConnectAsync("emulator");
        var folder = BuildFolders.Context("FROM busybox\n");
        try
        {
            var refused = await Assert.ThrowsAsync<DockerVersionException>(() => daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Builder = Builder.BuildKit }));
            Assert.Equal("1.39", refused.RequiredVersion);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("//8=")] // 0xFF 0xFF: a field tag that does not end
    [InlineData("CgUKAmFi")] // a vertex whose length runs past the end
    public void A_trace_that_is_not_a_StatusResponse_is_a_protocol_error(string aux)
    {
        var error = Assert.Throws<DockerProtocolException>(() => new BuildKitTrace().Decode(aux));
        Assert.Contains("not valid protobuf", error.Message);
    }

    private static BuildOptions Options(string tag) => new()
    {
        Tag = tag, Builder = Builder.BuildKit, Target = "final", Network = "none",
        BuildArgs = new Dictionary<string, string> { ["GREETING"] = "hello" },
    };

    private static async Task<List<string>> LinesAsync(Daemon daemon, string folder, Builder builder)
    {
        var lines = new List<string>();
        var id = await daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Builder = builder, Network = "none" }, new DockerApi.Tests.SyncProgress<string>(lines.Add));
        await daemon.Docker.Images.RemoveAsync(id, force: true);
        return lines;
    }


}
