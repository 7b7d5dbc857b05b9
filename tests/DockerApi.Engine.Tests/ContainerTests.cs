using System.Formats.Tar;
using System.Net;
using System.Text;
using DockerApi.Streams;

namespace DockerApi.Engine.Tests;

public abstract class ContainerTests(Engine engine)
{
    [SkippableFact]
    public async Task Wait_returns_the_exit_code_and_logs_keep_stdout_and_stderr_apart()
    {
        var (id, exitCode) = await engine.RunAsync("sh", "-c", "echo out-line; echo err-line >&2; echo more; exit 3");

        Assert.Equal(3, exitCode);
        await using var logs = await engine.Client.Containers.LogsAsync(id, stdout: true, stderr: true);
        var lines = new List<OutputLine>();
        await foreach (var line in new MultiplexedStream(logs).ReadLinesAsync())
            lines.Add(line);
        // The order between stdout and stderr is the daemon's (two pipes); within each stream it is kept.
        Assert.Equal(["out-line", "more"], lines.Where(l => l.Stream == StdStream.Stdout).Select(l => l.Text));
        Assert.Equal(["err-line"], lines.Where(l => l.Stream == StdStream.Stderr).Select(l => l.Text));
    }

    [SkippableFact]
    public async Task Attach_sends_stdin_over_the_upgraded_connection_and_reads_multiplexed_output()
    {
        var client = engine.Client;
        var id = await engine.CreateAsync(["sh", "-c", "read line; echo got:$line; echo err-line >&2"],
            r => r with { OpenStdin = true, StdinOnce = true, AttachStdin = true, AttachStdout = true, AttachStderr = true });

        await using var attached = await client.Containers.AttachAsync(id, stream: true, stdin: true, stdout: true, stderr: true);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, attached.StatusCode);
        await client.Containers.StartAsync(id);
        await attached.WriteAsync("hello-stdin\n"u8.ToArray());
        attached.CloseWrite();
        var (stdout, stderr) = await new MultiplexedStream(attached).ReadToEndAsync();

        Assert.Equal("got:hello-stdin\n", stdout);
        Assert.Equal("err-line\n", stderr);
        Assert.Equal(0, (await client.Containers.WaitAsync(id)).StatusCode);
    }

    [SkippableFact]
    public async Task Attach_to_a_tty_container_reads_raw_output()
    {
        var client = engine.Client;
        var id = await engine.CreateAsync(["sh", "-c", "echo tty-out; echo tty-err >&2"],
            r => r with { Tty = true, AttachStdout = true, AttachStderr = true });

        await using var attached = await client.Containers.AttachAsync(id, stream: true, stdout: true, stderr: true);
        await client.Containers.StartAsync(id);
        var (stdout, _) = await new MultiplexedStream(attached, tty: true).ReadToEndAsync();

        Assert.Equal("tty-out\r\ntty-err\r\n", stdout);
    }

    [SkippableFact]
    public async Task Exec_runs_in_a_running_container_with_its_own_output_and_exit_code()
    {
        var client = engine.Client;
        var id = await engine.StartedAsync("sleep", "300");

        var exec = await client.Exec.CreateAsync(id, new() { Cmd = ["sh", "-c", "echo exec-ok; echo exec-err >&2; exit 4"], AttachStdout = true, AttachStderr = true });
        await using (var output = await client.Exec.StartAsync(exec.Id, new() { Detach = false, Tty = false }))
        {
            var (stdout, stderr) = await new MultiplexedStream(output).ReadToEndAsync();
            Assert.Equal("exec-ok\n", stdout);
            Assert.Equal("exec-err\n", stderr);
        }

        var inspected = await client.Exec.InspectAsync(exec.Id);
        Assert.False(inspected.Running);
        Assert.Equal(4, inspected.ExitCode);
    }

    [SkippableFact]
    public async Task Exec_output_read_as_a_stream_is_a_tar_made_in_the_container()
    {
        var client = engine.Client;
        var id = await engine.StartedAsync("sleep", "300");

        var exec = await client.Exec.CreateAsync(id, new() { Cmd = ["tar", "-cf", "-", "-C", "/etc", "passwd"], AttachStdout = true, AttachStderr = true });
        var stderr = new MemoryStream();
        // No start body at all: the client sends {} (the engine answers 400 "EOF" to none).
        await using var output = new MultiplexedStream(await client.Exec.StartAsync(exec.Id)).AsStream(others: stderr);
        var entry = await new TarReader(output).GetNextEntryAsync();

        Assert.Equal("passwd", entry!.Name);
        Assert.Equal("root:x:0:0:root:/root:/bin/sh\n", await new StreamReader(entry.DataStream!).ReadToEndAsync());
    }

    [SkippableFact]
    public async Task Top_lists_the_running_process_and_stats_give_one_sample()
    {
        var client = engine.Client;
        var id = await engine.StartedAsync("sleep", "300");

        var top = await client.Containers.TopAsync(id);
        if (engine.IsPodman)
        {
            // Podman runs busybox's ps in the container and hands back its lines whole: one title, a process a cell.
            Assert.Contains("COMMAND", Assert.Single(top.Titles!));
            Assert.Contains(top.Processes!, p => Assert.Single(p).EndsWith("sleep 300", StringComparison.Ordinal));
        }
        else
        {
            var command = top.Titles!.ToList().IndexOf("CMD");
            Assert.True(command >= 0, string.Join(",", top.Titles!));
            Assert.Contains(top.Processes!, p => p[command] == "sleep 300");
        }

        var samples = new List<V1_55.ContainerStatsResponse>();
        await foreach (var sample in client.Containers.StatsAsync(id, stream: false))
            samples.Add(sample);
        Assert.Equal(id, Assert.Single(samples).Id);
    }

    [SkippableFact]
    public async Task Changes_show_added_files()
    {
        var (id, exitCode) = await engine.RunAsync("touch", "/tmp/newfile");

        Assert.Equal(0, exitCode);
        var changes = await engine.Client.Containers.ChangesAsync(id);
        Assert.Contains(changes, c => c.Path == "/tmp/newfile" && (int)c.Kind == 1);
        Assert.Contains(changes, c => c.Path == "/tmp" && (int)c.Kind == 0);
    }

    [SkippableFact]
    public async Task Restart_kill_and_stop_change_the_state()
    {
        var client = engine.Client;
        var id = await engine.StartedAsync("sleep", "300");
        var started = (await client.Containers.InspectAsync(id)).State!.StartedAt;

        await client.Containers.RestartAsync(id, t: 1);
        var restarted = (await client.Containers.InspectAsync(id)).State!;
        Assert.True(restarted.Running);
        Assert.NotEqual(started, restarted.StartedAt);

        await client.Containers.KillAsync(id);
        Assert.Equal(137, (await client.Containers.WaitAsync(id)).StatusCode);

        await client.Containers.StartAsync(id);
        await client.Containers.StopAsync(id, t: 1);
        var stopped = (await client.Containers.InspectAsync(id)).State!;
        Assert.False(stopped.Running);
        // A second stop of a stopped container is 304 Not Modified: not an error.
        await client.Containers.StopAsync(id, t: 1);
    }

    [SkippableFact]
    public async Task Export_is_a_tar_of_the_containers_filesystem()
    {
        var (id, _) = await engine.RunAsync("sh", "-c", "echo exported > /exported.txt");

        await using var tar = await engine.Client.Containers.ExportAsync(id);
        var reader = new TarReader(tar);
        string? content = null;
        var names = new HashSet<string>();
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name.TrimStart('.', '/'));
            if (entry.Name.TrimStart('.', '/') == "exported.txt")
                content = new StreamReader(entry.DataStream!, Encoding.UTF8).ReadToEnd();
        }

        Assert.Equal("exported\n", content);
        Assert.Contains("bin/busybox", names);
    }

    [SkippableFact]
    public async Task Errors_carry_the_daemons_status_and_message()
    {
        var client = engine.Client;

        var missing = await Assert.ThrowsAsync<DockerApiException>(() => client.Containers.InspectAsync("dapi-no-such-container"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(engine.IsPodman ? "no container with name or ID \"dapi-no-such-container\" found: no such container" : "No such container: dapi-no-such-container",
            missing.DaemonMessage);

        var delete = await Assert.ThrowsAsync<DockerApiException>(() => client.Containers.DeleteAsync("dapi-no-such-container"));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [SkippableFact]
    public async Task Cancelling_a_wait_on_a_running_container_ends_it()
    {
        var client = engine.Client;
        var id = await engine.StartedAsync("sleep", "300");
        using var cts = new CancellationTokenSource();

        var wait = client.Containers.WaitAsync(id, cancellationToken: cts.Token);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.True((await client.Containers.InspectAsync(id)).State!.Running);
    }
}

/// <summary>The cases of <see cref="ContainerTests"/> on Docker.</summary>
[Collection(EngineCollection.Name)]
public sealed class DockerContainerTests(DockerEngine engine) : ContainerTests(engine);

/// <summary>The cases of <see cref="ContainerTests"/> on Podman.</summary>
[Collection(PodmanCollection.Name)]
public sealed class PodmanContainerTests(PodmanEngine engine) : ContainerTests(engine);
