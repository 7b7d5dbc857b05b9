using System.Text;
using DockerApi.Streams;
using DockerApi.Transport;

namespace DockerApi.HighLevel.Tests;

/// <summary>Live connections to a process: create, attach and start in the engine's order, input, interactive exec, streamed run output.</summary>
public sealed class AttachAndExecTests
{
    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_created_container_started_attached_takes_input_and_gives_all_its_output(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var c = await daemon.Docker.Containers.CreateAsync(daemon.Image, ["sh", "-c", "echo first; cat; exit 5"],
            new ContainerOptions { Interactive = true });

        string output;
        await using (var attached = await c.StartAttachedAsync(stdin: true))
        {
            await attached.Input!.WriteAsync("hello\n"u8.ToArray());
            await attached.Input.FlushAsync();
            attached.CloseInput();
            output = (await attached.Output.ReadToEndAsync()).Stdout;
        }

        Assert.Equal("first\nhello\n", output);
        Assert.Equal(5, await c.WaitAsync());
        Assert.Equal(("exited", 5L), ((await c.InspectAsync()).State, (await c.InspectAsync()).ExitCode));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Run_output_arrives_line_by_line_before_the_run_ends_and_is_all_in_the_result(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var lines = new List<OutputLine>();

        var r = await daemon.Docker.Containers.RunAsync(daemon.Image, ["sh", "-c", "echo one; echo two >&2; echo -n three"],
            new ContainerOptions { OnOutput = lines.Add });

        Assert.Equal("one\nthree", r.Stdout);
        Assert.Equal("two\n", r.Stderr);
        // Each stream in its own order; the two streams may interleave either way.
        Assert.Equal(["one", "three"], lines.Where(l => l.Stream == StdStream.Stdout).Select(l => l.Text));
        Assert.Equal(["two"], lines.Where(l => l.Stream == StdStream.Stderr).Select(l => l.Text));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task An_interactive_exec_reads_its_input_and_reports_its_exit_code(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);

        await using var p = await c.StartExecAsync(["sh", "-c", "wc -c; exit 6"], new ExecOptions { Interactive = true });
        await p.Input!.WriteAsync(Encoding.UTF8.GetBytes("four"));
        await p.Input.FlushAsync();
        p.CloseInput();
        var (stdout, _) = await p.Output.ReadToEndAsync();

        Assert.Equal("4", stdout.Trim());
        Assert.Equal(6, await p.GetExitCodeAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task Exec_options_set_the_user_the_folder_and_the_environment(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);

        var e = await c.ExecAsync(["sh", "-c", "id -u; pwd; echo $GREETING"], new ExecOptions
        {
            User = "65534", WorkingDirectory = "/tmp", Environment = new Dictionary<string, string> { ["GREETING"] = "hi" },
        });

        Assert.Equal("65534\n/tmp\nhi\n", e.Stdout);
    }

    [Fact]
    public async Task A_2013_daemon_refuses_what_it_did_not_have_before_sending()
    {
        await using var daemon = await Engines.ConnectAsync("emulator");
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "30"]);

        Assert.Equal("1.15", (await Assert.ThrowsAsync<DockerVersionException>(() => c.StartExecAsync(["true"]))).RequiredVersion);
        Assert.Equal("1.17", (await Assert.ThrowsAsync<DockerVersionException>(async () => { await foreach (var _ in c.StatsAsync()) { } })).RequiredVersion);
        Assert.Equal("1.20", (await Assert.ThrowsAsync<DockerVersionException>(() => c.StatAsync("/etc"))).RequiredVersion);
        Assert.Equal("1.21", (await Assert.ThrowsAsync<DockerVersionException>(() => daemon.Docker.Networks.CreateAsync("n"))).RequiredVersion);
        Assert.Equal("1.21", (await Assert.ThrowsAsync<DockerVersionException>(() => daemon.Docker.Volumes.CreateAsync())).RequiredVersion);
        await Assert.ThrowsAsync<DockerVersionException>(async () => { await foreach (var _ in daemon.Docker.EventsAsync()) { } });
        Assert.Equal("1.24", (await Assert.ThrowsAsync<DockerVersionException>(() => c.WaitUntilHealthyAsync())).RequiredVersion);
        await Assert.ThrowsAsync<DockerVersionException>(() => daemon.Docker.Containers.RunAsync(daemon.Image, ["true"],
            new ContainerOptions { Ports = [new PortMapping(80)] }));
    }
}
