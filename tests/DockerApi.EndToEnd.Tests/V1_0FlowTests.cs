using System.Net;
using DockerApi.Streams;
using DockerApi.V1_0;
using static DockerApi.EndToEnd.Tests.Support;

namespace DockerApi.EndToEnd.Tests;

/// <summary>Every operation of API v1.0 through the generated client, against the emulator: text progress streams.</summary>
public sealed class V1_0FlowTests
{
    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task Every_v1_0_operation_works_against_the_emulator(Wire wire)
    {
        await using var session = await EmulatorSession.StartAsync(wire);
        using var http = session.Http("1.0");
        using var docker = new DockerClient(http);

        Assert.Equal("0.4.4", (await docker.System.VersionAsync()).Version);
        Assert.NotNull((await docker.System.InfoAsync()).Images);
        Assert.StartsWith("Account created.", (await docker.System.AuthAsync(new AuthConfig { Username = "newcomer", Password = "pw", Email = "n@example.com" })).Status);
        Assert.Equal("newcomer", (await docker.System.AuthInspectAsync()).Username);

        // Text progress: status lines, then progress updates that overwrite each other
        var lines = await ToListAsync(docker.Images.CreateAsync(fromImage: "base", tag: "latest"));
        Assert.Equal(new ProgressLine("Pulling repository base from https://index.docker.io/v1", false), lines[0]);
        Assert.Contains(lines, l => l.IsProgressUpdate && l.Text.StartsWith("Downloading ", StringComparison.Ordinal));
        var failed = await Assert.ThrowsAsync<DockerStreamException>(() => ToListAsync(docker.Images.CreateAsync(fromImage: "base", tag: "nope")));
        Assert.Equal("Tag nope not found in repositoy base", failed.DaemonMessage);
        var imported = await ToListAsync(docker.Images.CreateAsync(fromSrc: "-", repo: "imported", inputImage: Tar(("bin/sh", "#!sh"))));
        Assert.Equal(12, imported[^1].Text.Length);
        var inserted = await ToListAsync(docker.Images.InsertAsync("base", url: "data:,x", path: "/x"));
        Assert.StartsWith("{\"Id\":\"", inserted[^1].Text); // the bare trailer, with no newline
        Assert.NotEmpty(await docker.Images.ListAsync());
        Assert.Equal("x86_64", (await docker.Images.InspectAsync("base")).Architecture);
        Assert.NotEmpty(await docker.Images.HistoryAsync("base"));
        await docker.Images.TagAsync("base", repo: "newcomer/base");
        Assert.StartsWith("digraph", await docker.Images.VizAsync());
        Assert.NotNull(await docker.Images.SearchAsync("base"));

        var created = await docker.Containers.CreateAsync(new ContainerConfig { Image = "base", Cmd = ["ls", "/bin"] });
        await docker.Containers.StartAsync(created.Id);
        await docker.Containers.WaitAsync(created.Id);
        await using (var logs = await docker.Containers.AttachAsync(created.Id, logs: true, stdout: true))
            Assert.Contains("sh\n", await ReadToEndAsync(logs));
        Assert.Equal("ls", (await docker.Containers.InspectAsync(created.Id)).Path);
        Assert.Null(await docker.Containers.ChangesAsync(created.Id));
        await (await docker.Containers.ExportAsync(created.Id)).DisposeAsync();
        Assert.NotEmpty(await docker.Containers.ListAsync(all: true));
        await docker.Images.CommitAsync(container: created.Id, repo: "newcomer/listed", author: "Newcomer <n@example.com>");
        Assert.Equal("Newcomer <n@example.com>", (await docker.Images.InspectAsync("newcomer/listed")).Author);
        await docker.Containers.RestartAsync(created.Id);
        await docker.Containers.StopAsync(created.Id);
        await docker.Containers.KillAsync(created.Id);
        await docker.Containers.DeleteAsync(created.Id);

        var built = new List<string>();
        await foreach (var line in docker.Images.BuildAsync(Text("FROM base\nMAINTAINER me\nFOO bar\nCMD echo hi\n")))
            built.Add(line.Text);
        Assert.Contains("# Skipping unknown instruction FOO", built);

        var pushed = await ToListAsync(docker.Images.PushAsync("newcomer/base"));
        Assert.Contains(pushed, l => l.Text.StartsWith("Pushing tags for rev", StringComparison.Ordinal));
        await docker.Images.DeleteAsync("newcomer/listed");

        var missing = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.StartAsync("nope"));
        Assert.Equal((HttpStatusCode.NotFound, "No such container: nope"), (missing.StatusCode, missing.DaemonMessage));
        Assert.Empty(session.Recorder.Missing("1.0", includeUndocumented: false));
    }
}
