using DockerApi.Tests;
using System.Net;
using DockerApi.V1_2;
using static DockerApi.EndToEnd.Tests.Support;

namespace DockerApi.EndToEnd.Tests;

/// <summary>Every operation of API v1.2 (with the undocumented routes), through the generated client, against the emulator.</summary>
public sealed class V1_2FlowTests
{
    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task Every_v1_2_operation_works_against_the_emulator(Wire wire)
    {
        await using var session = await EmulatorSession.StartAsync(wire);
        using var http = session.Http("1.2");
        using var docker = new DockerClient(http);

        // System
        Assert.Equal("0.4.4", (await docker.System.VersionAsync()).Version);
        Assert.Equal(0, (await docker.System.InfoAsync()).Containers);
        Assert.Equal("Login Succeeded\n", (await docker.System.AuthAsync(new AuthConfig { Username = "docker", Password = "docker", Email = "d@example.com" })).Status);
        var wrong = await Assert.ThrowsAsync<DockerApiException>(() => docker.System.AuthAsync(new AuthConfig { Username = "docker", Password = "nope" }));
        Assert.Equal((HttpStatusCode.InternalServerError, "Wrong login/password, please try again"), (wrong.StatusCode, wrong.DaemonMessage));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/auth")).StatusCode); // GET /auth is gone in v1.2

        // Pull with progress, a failing pull, search
        var pulled = new List<ProgressMessage>();
        await docker.Images.CreateAsync(new SyncProgress<ProgressMessage>(pulled.Add), fromImage: "base", tag: "latest");
        Assert.Equal("Pulling repository base from https://index.docker.io/v1", pulled[0].Status);
        Assert.Contains(pulled, m => m.Status == "Downloading" && m.Progress!.EndsWith("(100%)", StringComparison.Ordinal));
        var missing = await Assert.ThrowsAsync<DockerStreamException>(() => docker.Images.CreateAsync(progress: null, fromImage: "nosuchrepo"));
        Assert.Equal("Could not find repository on any of the indexed registries.", missing.DaemonMessage);
        Assert.Contains(await docker.Images.SearchAsync("bus") ?? [], r => r.Name == "busybox");
        Assert.Null(await docker.Images.SearchAsync("no-such-thing"));

        // Import, list, inspect, history, tag, viz, insert, cache lookup
        var imported = await ToListAsync(docker.Images.CreateAsync(fromSrc: "-", repo: "imported", inputImage: Tar(("bin/sh", "#!sh"), ("data.txt", "imported data"))));
        var importedId = Assert.Single(imported).Status!;
        Assert.Equal(12, importedId.Length);
        var images = await docker.Images.ListAsync();
        Assert.Contains(images, i => i.Repository == "base" && i.Tag == "latest");
        Assert.Contains(images, i => i.Repository == "imported" && i.Id!.StartsWith(importedId, StringComparison.Ordinal));
        var baseImage = await docker.Images.InspectAsync("base");
        Assert.True(baseImage.Size > 0);
        Assert.Contains("base:latest", (await docker.Images.HistoryAsync("base"))[0].Tags!);
        await docker.Images.TagAsync("base", repo: "mybase", tag: "v1");
        Assert.StartsWith("digraph docker {", await docker.Images.VizAsync());
        var inserted = await ToListAsync(docker.Images.InsertAsync("base", url: "data:,inserted", path: "/inserted.txt"));
        Assert.Equal(12, inserted[^1].Id!.Length);
        var failedInsert = await ToListAsync(docker.Images.InsertAsync("base", url: "http://offline.example/file", path: "/x"));
        Assert.Equal("", Assert.Single(failedInsert).Id);

        // A container that writes to stdout and stderr and exits 3
        var created = await docker.Containers.CreateAsync(new ContainerConfig { Image = "base", Cmd = ["sh", "-c", "echo hello; echo oops >&2; touch /newfile; exit 3"] });
        await docker.Containers.StartAsync(created.Id);
        Assert.Equal(3, (await docker.Containers.WaitAsync(created.Id)).StatusCode);
        await using (var logs = await docker.Containers.AttachAsync(created.Id, logs: true, stdout: true, stderr: true))
            Assert.Equal("hello\noops\n", await ReadToEndAsync(logs)); // stdout log, then stderr log
        var inspected = await docker.Containers.InspectAsync(created.Id);
        Assert.Equal((false, 3L), (inspected.State!.Running!.Value, inspected.State.ExitCode!.Value));
        Assert.Contains(await docker.Containers.ChangesAsync(created.Id) ?? [], c => c.Path == "/newfile" && c.Kind == FilesystemChangeKind.Added);
        await using (var export = await docker.Containers.ExportAsync(created.Id))
        {
            var tar = new MemoryStream();
            await export.CopyToAsync(tar);
            tar.Position = 0;
            Assert.Contains("./newfile", TarNames(tar));
        }
        Assert.Contains(await docker.Containers.ListAsync(all: true), c => c.Id == inspected.ID && c.Status == "Exit 3");
        Assert.DoesNotContain(await docker.Containers.ListPsAsync(), c => c.Id == inspected.ID); // only running ones

        // Commit it; the cache lookup of the old client-side builder finds the result by parent and run config
        var committed = await docker.Images.CommitAsync(container: created.Id, repo: "committed", comment: "with newfile");
        var committedImage = await docker.Images.InspectAsync("committed");
        Assert.Equal(("with newfile", committed.Id), (committedImage.Comment, committedImage.Id![..12]));
        var hit = await docker.Images.GetCacheAsync(new ImageGetCacheRequest { Id = baseImage.Id, Image = "base", Hostname = created.Id, Cmd = ["sh", "-c", "echo hello; echo oops >&2; touch /newfile; exit 3"] });
        Assert.Equal(committedImage.Id, hit.Id);
        var miss = await Assert.ThrowsAsync<DockerApiException>(() => docker.Images.GetCacheAsync(new ImageGetCacheRequest { Id = baseImage.Id, Cmd = ["true"] }));
        Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);

        // stdin echoed by cat, over the hijacked connection
        var cat = await docker.Containers.CreateAsync(new ContainerConfig { Image = "base", Cmd = ["cat"], OpenStdin = true, StdinOnce = true, AttachStdin = true, AttachStdout = true });
        await docker.Containers.StartAsync(cat.Id);
        await using (var attached = await docker.Containers.AttachAsync(cat.Id, logs: true, stream: true, stdin: true, stdout: true, stderr: true))
        {
            await attached.WriteAsync("ping\n"u8.ToArray());
            attached.CloseWrite();
            Assert.Equal("ping\n", await ReadToEndAsync(attached));
        }
        Assert.Equal(0, (await docker.Containers.WaitAsync(cat.Id)).StatusCode);

        // A TTY turns \n into \r\n; resize applies to it
        var tty = await docker.Containers.CreateAsync(new ContainerConfig { Image = "base", Cmd = ["echo", "on a tty"], Tty = true });
        await docker.Containers.StartAsync(tty.Id);
        await docker.Containers.ResizeAsync(tty.Id, h: 24, w: 80);
        await docker.Containers.WaitAsync(tty.Id);
        await using (var output = await docker.Containers.AttachAsync(tty.Id, logs: true, stdout: true))
            Assert.Equal("on a tty\r\n", await ReadToEndAsync(output));

        // A long-running container: stop, restart, kill, and 406 while it runs
        var sleeper = await docker.Containers.CreateAsync(new ContainerConfig { Image = "base", Cmd = ["sleep", "1000"] });
        await docker.Containers.StartAsync(sleeper.Id);
        Assert.Contains(await docker.Containers.ListAsync(), c => c.Id!.StartsWith(sleeper.Id, StringComparison.Ordinal) && c.Status!.StartsWith("Up", StringComparison.Ordinal));
        var running = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.DeleteAsync(sleeper.Id));
        Assert.Equal((HttpStatusCode.NotAcceptable, "Impossible to remove a running container, please stop it first"), (running.StatusCode, running.DaemonMessage));
        await docker.Containers.StopAsync(sleeper.Id, t: 1);
        await docker.Containers.RestartAsync(sleeper.Id, t: 1);
        Assert.True((await docker.Containers.InspectAsync(sleeper.Id)).State!.Running);
        await docker.Containers.KillAsync(sleeper.Id);
        Assert.Equal(-1, (await docker.Containers.WaitAsync(sleeper.Id)).StatusCode);
        await docker.Containers.DeleteAsync(sleeper.Id, v: true);
        var gone = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.InspectAsync(sleeper.Id));
        Assert.Equal((HttpStatusCode.NotFound, "No such container: " + sleeper.Id), (gone.StatusCode, gone.DaemonMessage));

        // Build: success tags the image; a failing RUN raises after the lines before it
        var steps = new List<string>();
        var built = await docker.Images.BuildAsync(new SyncProgress<Streams.BuildOutputLine>(l => steps.Add(l.Text)),
            Text("FROM base\nRUN echo built > /built.txt\nCMD cat /built.txt\n"), t: "docker/built");
        Assert.Equal($"Successfully built {built}", steps[^1]);
        var run = await docker.Containers.CreateAsync(new ContainerConfig { Image = "docker/built" });
        await docker.Containers.StartAsync(run.Id);
        await docker.Containers.WaitAsync(run.Id);
        await using (var output = await docker.Containers.AttachAsync(run.Id, logs: true, stdout: true))
            Assert.Equal("built\n", await ReadToEndAsync(output));
        var failed = await Assert.ThrowsAsync<DockerStreamException>(() => docker.Images.BuildAsync(progress: null, Text("FROM base\nRUN false\n")));
        Assert.Equal("The command [/bin/sh -c false] returned a non-zero code: 1", failed.DaemonMessage);

        // Push carries the credentials in its body in v1.2
        var pushed = await ToListAsync(docker.Images.PushAsync("docker/built", new AuthConfig { Username = "docker", Password = "docker" }));
        Assert.Equal("The push refers to a repository [docker/built] (len: 1)", pushed[0].Status);
        var denied = await Assert.ThrowsAsync<DockerApiException>(() => ToListAsync(docker.Images.PushAsync("docker/built", new AuthConfig { Username = "docker", Password = "wrong" })));
        Assert.Equal(HttpStatusCode.InternalServerError, denied.StatusCode);

        // Delete image: a list of effects; nothing deleted is 409
        var untagged = await docker.Images.DeleteAsync("mybase:v1");
        Assert.Equal(baseImage.Id![..12], Assert.Single(untagged).Untagged);
        var conflict = await Assert.ThrowsAsync<DockerApiException>(() => docker.Images.DeleteAsync(baseImage.Id!));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains(await docker.Images.DeleteAsync("imported"), e => e.Deleted == importedId);

        Assert.Empty(session.Recorder.Missing("1.2", includeUndocumented: true));
    }
}
