using System.Net;
using System.Text;
using DockerApi.Transport;

namespace DockerApi.HighLevel.Tests;

/// <summary><c>Containers.RunAsync</c>: the same call, the same answer, on the 2013 emulator and on a modern engine.</summary>
public sealed class RunTests
{
    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Run_gives_the_exit_code_and_both_streams_apart_and_removes_the_container(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var before = await daemon.ContainerIdsAsync();

        var r = await daemon.Docker.Containers.RunAsync(daemon.Image, ["sh", "-c", "echo out; echo err >&2; exit 3"]);

        Assert.Equal((3L, "out\n", "err\n"), (r.ExitCode, r.Stdout, r.Stderr));
        Assert.Equal(before, await daemon.ContainerIdsAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_missing_image_that_cannot_be_pulled_is_a_404_and_leaves_nothing_behind(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var before = await daemon.ContainerIdsAsync();

        var e = await Assert.ThrowsAsync<DockerApiException>(() => daemon.Docker.Containers.RunAsync("dockerapi/no-such-image:never", ["true"]));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Contains("pulling it failed", e.DaemonMessage);
        Assert.Equal(before, await daemon.ContainerIdsAsync());
        var never = await Assert.ThrowsAsync<DockerApiException>(() =>
            daemon.Docker.Containers.RunAsync("dockerapi/no-such-image:never", ["true"], new ContainerOptions { Pull = PullPolicy.Never }));
        Assert.DoesNotContain("pulling", never.DaemonMessage);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Input_is_written_to_stdin_and_closed(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);

        var r = await daemon.Docker.Containers.RunAsync(daemon.Image, ["cat"], new ContainerOptions { Input = Encoding.UTF8.GetBytes("line one\nline two\n") });

        Assert.Equal((0L, "line one\nline two\n"), (r.ExitCode, r.Stdout));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Environment_and_user_reach_the_process(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);

        var r = await daemon.Docker.Containers.RunAsync(daemon.Image, ["sh", "-c", "echo $GREETING $OTHER"],
            new ContainerOptions { Environment = new Dictionary<string, string> { ["GREETING"] = "hello", ["OTHER"] = "world" } });

        Assert.Equal("hello world\n", r.Stdout);
    }

    /// <summary>The race every Docker client has had: a process that exits before the client reads still gives all it wrote.</summary>
    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_command_that_exits_at_once_gives_its_output_and_exit_code_200_times_in_a_row(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        // Podman starts a container in about 1.2 s here (Docker 0.3 s): 200 runs would be four of CI's twenty minutes.
        var runs = which == "podman" ? 25 : 200;

        for (var i = 0; i < runs; i++)
        {
            var r = await daemon.Docker.Containers.RunAsync(daemon.Image, ["sh", "-c", $"echo {i}; echo e{i} >&2; exit {i % 7}"]);
            Assert.True((r.ExitCode, r.Stdout, r.Stderr) == (i % 7, $"{i}\n", $"e{i}\n"), $"run {i}: exit {r.ExitCode}, stdout '{r.Stdout}', stderr '{r.Stderr}'");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Keep_leaves_the_container_for_the_caller(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);

        var r = await daemon.Docker.Containers.RunAsync(daemon.Image, ["true"], new ContainerOptions { Keep = true });

        Assert.Contains(await daemon.ContainerIdsAsync(), id => id.StartsWith(r.Id, StringComparison.Ordinal) || r.Id.StartsWith(id, StringComparison.Ordinal));
        if (daemon.Docker.Api is { } modern)
            await modern.Containers.DeleteAsync(r.Id);
        else
            await daemon.Docker.LegacyApi!.Containers.DeleteAsync(r.Id);
    }

    [Fact]
    public async Task What_2013_does_not_have_is_refused_before_anything_is_sent()
    {
        await using var daemon = await Engines.ConnectAsync("emulator");
        var before = await daemon.ContainerIdsAsync();

        var labels = await Assert.ThrowsAsync<DockerVersionException>(() => daemon.Docker.Containers.RunAsync(daemon.Image, ["true"],
            new ContainerOptions { Labels = new Dictionary<string, string> { ["a"] = "b" } }));
        Assert.Equal(("ContainerCreate (labels)", "1.18"), (labels.Operation, labels.RequiredVersion));
        Assert.Equal(before, await daemon.ContainerIdsAsync());

        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);
        var exec = await Assert.ThrowsAsync<DockerVersionException>(() => c.ExecAsync(["true"]));
        Assert.Equal(("ContainerExec", "1.15", "1.2"), (exec.Operation, exec.RequiredVersion, exec.ApiVersion));
        await Assert.ThrowsAsync<DockerVersionException>(() => c.WriteFileAsync("/tmp/x", new byte[1]));
        await Assert.ThrowsAsync<DockerVersionException>(() => c.ReadFileAsync("/tmp/x"));
    }

    [Theory]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("busybox:1.36", "busybox", "1.36")]
    [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000/app", "latest")]
    [InlineData("127.0.0.1:5000/team/app:2", "127.0.0.1:5000/team/app", "2")]
    [InlineData("alpine@sha256:abc", "alpine", "sha256:abc")]
    public void An_image_reference_is_split_as_the_docker_CLI_reads_it(string reference, string repository, string tag) =>
        Assert.Equal((repository, tag), ImageReference.Split(reference));
}
