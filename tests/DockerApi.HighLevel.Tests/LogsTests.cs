using DockerApi.Streams;

namespace DockerApi.HighLevel.Tests;

/// <summary>Logs as lines with their stream, and waiting for a line: the same on the 2013 emulator and a modern engine.</summary>
public sealed class LogsTests
{
    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Logs_are_lines_with_their_stream_and_a_wait_sees_a_line_as_it_is_written(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", "echo one; echo two >&2; echo ready; sleep 300"]);

        var ready = await c.WaitForLogAsync("^rea.y$", TimeSpan.FromSeconds(30));
        var lines = new List<OutputLine>();
        await foreach (var line in c.LogsAsync())
            lines.Add(line);

        Assert.Equal(new OutputLine(StdStream.Stdout, "ready"), ready);
        Assert.Equal([new(StdStream.Stdout, "one"), new(StdStream.Stdout, "ready")], lines.Where(l => l.Stream == StdStream.Stdout));
        Assert.Equal([new(StdStream.Stderr, "two")], lines.Where(l => l.Stream == StdStream.Stderr));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_wait_for_a_line_that_never_comes_is_a_typed_error(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var running = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);
        await using var ended = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", "echo bye"]);

        var timeout = await Assert.ThrowsAsync<DockerWaitException>(() => running.WaitForLogAsync("never", TimeSpan.FromMilliseconds(500)));
        var gone = await Assert.ThrowsAsync<DockerWaitException>(() => ended.WaitForLogAsync("never", TimeSpan.FromSeconds(30)));

        Assert.Contains("wrote no line matching 'never' within 0.5 s", timeout.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(timeout.InnerException);
        Assert.Contains("ended without writing a line matching 'never'", gone.Message);
        Assert.Equal(ended.Id, gone.ContainerId);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task A_TTY_containers_logs_are_found_to_be_one_stream(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", "echo tty-line; echo err-too >&2; sleep 300"], new ContainerOptions { Tty = true });

        await c.WaitForLogAsync("err-too", TimeSpan.FromSeconds(30));
        var lines = new List<OutputLine>();
        await foreach (var line in c.LogsAsync())
            lines.Add(line);

        Assert.Equal([new(StdStream.Stdout, "tty-line"), new(StdStream.Stdout, "err-too")], lines);
    }
}
