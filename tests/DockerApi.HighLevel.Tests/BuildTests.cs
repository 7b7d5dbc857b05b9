using DockerApi.Build;
using DockerApi.Transport;

namespace DockerApi.HighLevel.Tests;

/// <summary><c>Images.BuildAsync</c>: the context honours .dockerignore, on every daemon.</summary>
public sealed class BuildTests
{

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_context_is_what_the_dockerignore_leaves_in_and_the_image_is_tagged(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var folder = BuildFolders.Context($"FROM {daemon.Image}\nADD . /ctx\n",
            (".dockerignore", "*.key\nlogs\n!logs/keep.log\nDockerfile\n"), ("kept.txt", "kept\n"), ("secret.key", "secret\n"),
            ("logs/a.log", "a\n"), ("logs/keep.log", "keep\n"));
        var tag = $"dapi-built-{Guid.NewGuid():N}"[..24];
        try
        {
            var lines = new List<string>();
            var id = await daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Tag = tag }, new DockerApi.Tests.SyncProgress<string>(lines.Add));

            Assert.NotEmpty(id);
            Assert.Contains(lines, l => l.Contains("ADD . /ctx", StringComparison.Ordinal));
            // The Dockerfile is excluded too, yet the build ran: it is always sent (and, as Docker documents, not copied by ADD).
            var r = await daemon.Docker.Containers.RunAsync(tag, ["sh", "-c", "cat /ctx/kept.txt /ctx/logs/keep.log; cat /ctx/secret.key || echo no-key; cat /ctx/logs/a.log || echo no-log"]);
            Assert.Equal("kept\nkeep\nno-key\nno-log\n", r.Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (await daemon.Docker.Images.ExistsAsync(tag))
                await daemon.Docker.Images.RemoveAsync(tag);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_failing_step_is_the_engines_error_and_tags_nothing(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var folder = BuildFolders.Context($"FROM {daemon.Image}\nRUN sh -c 'exit 3'\n");
        var tag = $"dapi-failed-{Guid.NewGuid():N}"[..24];
        try
        {
            var error = await Assert.ThrowsAsync<DockerStreamException>(() => daemon.Docker.Images.BuildAsync(folder, new BuildOptions
            {
                Tag = tag,
                Network = daemon.Is2013 ? null : "none",
            }));

            Assert.Contains("3", error.DaemonMessage);
            Assert.False(await daemon.Docker.Images.ExistsAsync(tag));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task What_2013s_build_did_not_take_is_refused_before_anything_is_sent()
    {
        await using var daemon = await Engines.ConnectAsync("emulator");
        var folder = BuildFolders.Context("FROM busybox\n");
        try
        {
            var error = await Assert.ThrowsAsync<DockerVersionException>(() => daemon.Docker.Images.BuildAsync(folder,
                new BuildOptions { BuildArgs = new Dictionary<string, string> { ["A"] = "b" } }));
            Assert.Equal("ImageBuild (build arguments)", error.Operation);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
