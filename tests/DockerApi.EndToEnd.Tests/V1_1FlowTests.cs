using System.Net;
using DockerApi.V1_1;
using static DockerApi.EndToEnd.Tests.Support;

namespace DockerApi.EndToEnd.Tests;

/// <summary>Every operation of API v1.1 through the generated client, against the emulator.</summary>
public sealed class V1_1FlowTests
{
    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task Every_v1_1_operation_works_against_the_emulator(Wire wire)
    {
        await using var session = await EmulatorSession.StartAsync(wire);
        using var http = session.Http("1.1");
        using var docker = new DockerClient(http);

        Assert.Equal("go1.1", (await docker.System.VersionAsync()).GoVersion);
        Assert.True((await docker.System.InfoAsync()).MemoryLimit);
        // v1.1 stores the credentials in the daemon: GET /auth returns them without the password, push uses them.
        Assert.Equal("", (await docker.System.AuthInspectAsync()).Username);
        await docker.System.AuthAsync(new AuthConfig { Username = "docker", Password = "docker", Email = "d@example.com" });
        var stored = await docker.System.AuthInspectAsync();
        Assert.Equal(("docker", "", "d@example.com"), (stored.Username, stored.Password, stored.Email));

        var pulled = await ToListAsync(docker.Images.CreateAsync(fromImage: "busybox"));
        Assert.Equal("Pulling repository busybox from https://index.docker.io/v1", pulled[0].Status);
        var imported = await ToListAsync(docker.Images.CreateAsync(fromSrc: "-", repo: "imported", tag: "v1", inputImage: Tar(("bin/echo", "#!echo"))));
        Assert.Equal(12, imported[^1].Status!.Length);
        Assert.Contains(await docker.Images.ListAsync(all: true), i => i.Repository == "imported" && i.Tag == "v1");
        Assert.NotNull((await docker.Images.InspectAsync("busybox")).Id);
        Assert.Single(await docker.Images.HistoryAsync("busybox"));
        var unknown = await Assert.ThrowsAsync<DockerApiException>(() => docker.Images.HistoryAsync("nope"));
        Assert.Equal((HttpStatusCode.InternalServerError, "Image does not exist: nope"), (unknown.StatusCode, unknown.DaemonMessage));
        await docker.Images.TagAsync("busybox", repo: "docker/box", force: true);
        Assert.Contains("docker/box:latest", await docker.Images.VizAsync());
        Assert.Contains(await docker.Images.SearchAsync("busy") ?? [], r => r.Name == "busybox");
        var inserted = await ToListAsync(docker.Images.InsertAsync("busybox", url: "data:;base64,aGk=", path: "/hi.txt"));
        Assert.Equal(12, inserted[^1].Id!.Length);

        var created = await docker.Containers.CreateAsync(new ContainerConfig { Image = "busybox", Cmd = ["sh", "-c", "cat /hi.txt || echo missing; mkdir /made"] });
        await docker.Containers.StartAsync(created.Id);
        Assert.Equal(0, (await docker.Containers.WaitAsync(created.Id)).StatusCode);
        await using (var logs = await docker.Containers.AttachAsync(created.Id, logs: true, stdout: true))
            Assert.Equal("missing\n", await ReadToEndAsync(logs));
        Assert.Equal(created.Id, (await docker.Containers.InspectAsync(created.Id)).Id![..12]);
        Assert.Contains(await docker.Containers.ChangesAsync(created.Id) ?? [], c => c.Path == "/made");
        await using (var export = await docker.Containers.ExportAsync(created.Id))
            Assert.NotEmpty(TarNames(export is MemoryStream m ? m : await Buffer(export)));
        Assert.Single(await docker.Containers.ListAsync(limit: 1));
        Assert.Equal(12, (await docker.Images.CommitAsync(container: created.Id, repo: "docker/made")).Id.Length);

        var sleeper = await docker.Containers.CreateAsync(new ContainerConfig { Image = "busybox", Cmd = ["sleep", "60"] });
        await docker.Containers.StartAsync(sleeper.Id);
        await docker.Containers.StopAsync(sleeper.Id);
        await docker.Containers.RestartAsync(sleeper.Id);
        await docker.Containers.KillAsync(sleeper.Id);
        await docker.Containers.DeleteAsync(sleeper.Id);

        var built = await docker.Images.BuildAsync(progress: null, Text("FROM busybox\nENV GREETING hello\nEXPOSE 80\nRUN echo $GREETING > /greeting\n"), t: "docker/greeter");
        Assert.Equal(12, built.Length);

        // Push without a body: the daemon uses what POST /auth stored.
        var pushed = await ToListAsync(docker.Images.PushAsync("docker/greeter"));
        Assert.StartsWith("The push refers to a repository [docker/greeter]", pushed[0].Status);

        // Before 1.2, delete removes the image from the graph at once and answers 204.
        await docker.Images.DeleteAsync("docker/made");
        var deleted = await Assert.ThrowsAsync<DockerApiException>(() => docker.Images.InspectAsync("docker/made"));
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);

        Assert.Empty(session.Recorder.Missing("1.1", includeUndocumented: false));
    }

    private static async Task<MemoryStream> Buffer(Stream stream)
    {
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        return copy;
    }
}
