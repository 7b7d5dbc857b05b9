using System.Net;

namespace DockerApi.HighLevel.Tests;

/// <summary>A started <see cref="Container"/>: exec, files, wait, and disposal that leaves nothing behind (modern engines).</summary>
public sealed class ContainerTests
{
    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task Start_exec_write_and_read_a_file_then_dispose_removes_it(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var before = await daemon.ContainerIdsAsync();
        var bytes = new byte[70 * 1024];
        new Random(7).NextBytes(bytes);
        string id;

        await using (var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]))
        {
            id = c.Id;
            // echo $(…): Podman's /etc/hostname has no line end, Docker's has.
            var e = await c.ExecAsync(["sh", "-c", "echo $(cat /etc/hostname); echo warn >&2; exit 4"]);
            Assert.Equal((4L, c.Id[..12] + "\n", "warn\n"), (e.ExitCode, e.Stdout, e.Stderr));
            await c.WriteFileAsync("/tmp/in.bin", bytes);
            Assert.Equal(bytes, await c.ReadFileAsync("/tmp/in.bin"));
            Assert.Equal("71680\n", (await c.ExecAsync(["sh", "-c", "wc -c < /tmp/in.bin"])).Stdout.TrimStart());
        }

        Assert.Equal(before, await daemon.ContainerIdsAsync());
        var gone = await Assert.ThrowsAsync<DockerApiException>(() => daemon.Docker.Api!.Containers.InspectAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task Files_that_are_not_there_or_are_folders_are_clear_errors(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);

        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<DockerApiException>(() => c.ReadFileAsync("/no/such/file"))).StatusCode);
        Assert.Contains("not a regular file", (await Assert.ThrowsAsync<ArgumentException>(() => c.ReadFileAsync("/tmp"))).Message);
        Assert.Contains("absolute path", (await Assert.ThrowsAsync<ArgumentException>(() => c.WriteFileAsync("relative/file", new byte[1]))).Message);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<DockerApiException>(() => c.WriteFileAsync("/no/such/folder/f", new byte[1]))).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task Working_directory_entrypoint_labels_and_a_tty_are_the_docker_CLIs(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);

        var r = await daemon.Docker.Containers.RunAsync(daemon.Image, ["-c", "pwd; echo $0"], new ContainerOptions
        {
            WorkingDirectory = "/tmp",
            Entrypoint = ["sh"],
            Labels = new Dictionary<string, string> { ["dockerapi.test"] = "labels" },
            Tty = true,
        });

        // A TTY is one stream, with the terminal's line ends.
        Assert.Equal(("/tmp\r\nsh\r\n", ""), (r.Stdout, r.Stderr));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task Wait_gives_the_exit_code_of_a_started_container(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", "exit 5"]);

        Assert.Equal(5, await c.WaitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Inspect_gives_the_engine_s_whole_answer_as_Raw_when_asked(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);

        var details = await c.InspectAsync();

        // Written from the typed answer on first read (not on every inspect), the same document each time.
        Assert.Equal(details.Id, details.Raw.GetProperty(details.Raw.TryGetProperty("Id", out _) ? "Id" : "ID").GetString());
        Assert.Equal(details.Raw.GetRawText(), details.Raw.GetRawText());
        var replaced = details with { Raw = System.Text.Json.JsonDocument.Parse("{\"Id\":\"other\"}").RootElement };
        Assert.Equal("other", replaced.Raw.GetProperty("Id").GetString());
        Assert.Equal(details.Id, replaced.Id);
    }
}
