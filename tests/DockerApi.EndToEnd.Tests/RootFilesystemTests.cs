using System.Formats.Tar;
using System.Net;
using System.Text;
using DockerApi.Tests;
using DockerApi.V1_2;
using static DockerApi.EndToEnd.Tests.Support;

namespace DockerApi.EndToEnd.Tests;

/// <summary>
/// A root filesystem shaped like busybox's (one binary, its applets as relative, absolute, chained and hard
/// links, <c>./</c> member names), imported and run through the v1.2 client as the daemon ran it.
/// </summary>
public sealed class RootFilesystemTests
{
    /// <summary>What <c>docker export</c> of a busybox container looks like, in small.</summary>
    private static MemoryStream BusyboxTar()
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            void Add(TarEntryType type, string name, string? link = null, string? content = null)
            {
                var entry = new UstarTarEntry(type, name) { Mode = (UnixFileMode)0b111_101_101 };
                if (link is not null)
                    entry.LinkName = link;
                if (content is not null)
                    entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                writer.WriteEntry(entry);
            }
            Add(TarEntryType.Directory, "./");
            Add(TarEntryType.Directory, "./bin/");
            Add(TarEntryType.RegularFile, "./bin/busybox", content: "\x7fELF busybox");
            foreach (var applet in new[] { "sh", "echo", "cat", "ls", "sleep", "ln", "touch" })
                Add(TarEntryType.SymbolicLink, "./bin/" + applet, link: "busybox");
            Add(TarEntryType.HardLink, "./bin/true", link: "./bin/busybox");
            Add(TarEntryType.SymbolicLink, "./bin/loop1", link: "loop2");
            Add(TarEntryType.SymbolicLink, "./bin/loop2", link: "/bin/loop1");
            Add(TarEntryType.SymbolicLink, "./sbin", link: "/bin");
            Add(TarEntryType.Directory, "./usr/bin/");
            Add(TarEntryType.SymbolicLink, "./usr/bin/env", link: "../../bin/busybox");
            Add(TarEntryType.Directory, "./usr/local/bin/");
            Add(TarEntryType.SymbolicLink, "./usr/local/bin/sh", link: "/sbin/sh"); // → /bin/sh → busybox
            Add(TarEntryType.Directory, "./etc/");
            Add(TarEntryType.RegularFile, "./etc/hostname", content: "emulated\n");
            Add(TarEntryType.SymbolicLink, "./etc/motd", link: "hostname");
        }
        stream.Position = 0;
        return stream;
    }

    /// <summary>An emulator with the busybox-shaped image imported as <c>busybox-shaped</c>, and a v1.2 client of it.</summary>
    private sealed class Imported : IAsyncDisposable
    {
        private EmulatorSession _session = null!;
        private HttpClient _http = null!;

        public DockerClient Docker { get; private set; } = null!;

        public static async Task<Imported> StartAsync()
        {
            var imported = new Imported { _session = await EmulatorSession.StartAsync(Wire.Unix) };
            imported._http = imported._session.Http("1.2");
            imported.Docker = new DockerClient(imported._http);
            await ToListAsync(imported.Docker.Images.CreateAsync(fromSrc: "-", repo: "busybox-shaped", inputImage: BusyboxTar()));
            return imported;
        }

        public async ValueTask DisposeAsync()
        {
            Docker.Dispose();
            _http.Dispose();
            await _session.DisposeAsync();
        }
    }

    /// <summary>Creates, starts and waits for a container; returns its exit status, stdout and stderr.</summary>
    private static async Task<(long Status, string Out, string Err)> RunAsync(DockerClient docker, params string[] cmd)
    {
        var created = await docker.Containers.CreateAsync(new ContainerConfig { Image = "busybox-shaped", Cmd = cmd });
        await docker.Containers.StartAsync(created.Id);
        var status = (await docker.Containers.WaitAsync(created.Id)).StatusCode;
        await using var stdout = await docker.Containers.AttachAsync(created.Id, logs: true, stdout: true);
        var output = await ReadToEndAsync(stdout);
        await using var stderr = await docker.Containers.AttachAsync(created.Id, logs: true, stderr: true);
        return (status, output, await ReadToEndAsync(stderr));
    }

    [Fact]
    public async Task Sh_through_a_link_to_busybox_runs_a_script()
    {
        await using var imported = await Imported.StartAsync();
        Assert.Equal((0L, "hi\n", ""), await RunAsync(imported.Docker, "/bin/sh", "-c", "echo hi"));
    }

    [Fact]
    public async Task Relative_absolute_and_chained_links_are_followed_for_files_folders_and_executables()
    {
        await using var imported = await Imported.StartAsync();
        var docker = imported.Docker;
        var (status, output, error) = await RunAsync(docker, "/usr/local/bin/sh", "-c",
            "cat /etc/motd; /sbin/echo via sbin; /usr/bin/env | cat > /dev-null; ls /sbin > /listing; cat /listing; true && echo hard link ran");
        Assert.Equal("", error);
        Assert.Equal(0, status);
        Assert.StartsWith("emulated\nvia sbin\n", output);
        Assert.Contains("busybox\n", output);
        Assert.Contains("loop1\n", output);
        Assert.EndsWith("hard link ran\n", output);
    }

    [Fact]
    public async Task A_link_loop_fails_as_ELOOP_for_exec_and_for_files()
    {
        await using var imported = await Imported.StartAsync();
        var docker = imported.Docker;
        Assert.Equal((127L, "", "exec: \"/bin/loop1\": stat /bin/loop1: too many levels of symbolic links\n"), await RunAsync(docker, "/bin/loop1"));
        Assert.Equal((1L, "", "cat: /bin/loop2: Too many levels of symbolic links\n"), await RunAsync(docker, "sh", "-c", "cat /bin/loop2"));
        Assert.Equal((127L, "", "exec: \"nothing\": executable file not found in $PATH\n"), await RunAsync(docker, "nothing"));
    }

    [Fact]
    public async Task Busybox_runs_the_applet_it_is_given_and_lists_them()
    {
        await using var imported = await Imported.StartAsync();
        var docker = imported.Docker;
        Assert.Equal((0L, "from busybox\n", ""), await RunAsync(docker, "busybox", "echo", "from busybox"));
        Assert.Equal((0L, "nested\n", ""), await RunAsync(docker, "busybox", "sh", "-c", "busybox echo nested"));
        var (status, list, _) = await RunAsync(docker, "busybox", "--list");
        Assert.Equal(0, status);
        Assert.Contains("sh\n", list);
        Assert.Equal((127L, "", "nope: applet not found\n"), await RunAsync(docker, "busybox", "nope"));
    }

    [Fact]
    public async Task A_running_container_of_the_image_lists_stops_and_refuses_deletion()
    {
        await using var imported = await Imported.StartAsync();
        var docker = imported.Docker;
        var sleeper = await docker.Containers.CreateAsync(new ContainerConfig { Image = "busybox-shaped", Cmd = ["/bin/sh", "-c", "echo up; sleep 1000"] });
        await docker.Containers.StartAsync(sleeper.Id);
        Assert.Contains(await docker.Containers.ListAsync(), c => c.Id!.StartsWith(sleeper.Id, StringComparison.Ordinal) && c.Status!.StartsWith("Up", StringComparison.Ordinal));
        var refused = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.DeleteAsync(sleeper.Id));
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        await docker.Containers.StopAsync(sleeper.Id, t: 1);
        Assert.Equal(-1, (await docker.Containers.WaitAsync(sleeper.Id)).StatusCode);
        await using (var logs = await docker.Containers.AttachAsync(sleeper.Id, logs: true, stdout: true))
            Assert.Equal("up\n", await ReadToEndAsync(logs));
        await docker.Containers.DeleteAsync(sleeper.Id);
    }

    [Fact]
    public async Task A_build_runs_its_steps_through_the_links_and_export_keeps_them()
    {
        await using var imported = await Imported.StartAsync();
        var docker = imported.Docker;
        var built = await docker.Images.BuildAsync(progress: null,
            Text("FROM busybox-shaped\nRUN echo built > /built.txt\nRUN ln -s /built.txt /sbin/built\nCMD cat /bin/built\n"), t: "linked");
        var history = await docker.Images.HistoryAsync("linked");
        Assert.Contains(history, h => h.CreatedBy == "/bin/sh -c ln -s /built.txt /sbin/built");
        Assert.Contains(await docker.Images.ListAsync(), i => i.Repository == "linked" && i.Id!.StartsWith(built, StringComparison.Ordinal));

        var run = await docker.Containers.CreateAsync(new ContainerConfig { Image = "linked" });
        await docker.Containers.StartAsync(run.Id);
        Assert.Equal(0, (await docker.Containers.WaitAsync(run.Id)).StatusCode);
        await using (var output = await docker.Containers.AttachAsync(run.Id, logs: true, stdout: true))
            Assert.Equal("built\n", await ReadToEndAsync(output));

        var links = new Dictionary<string, string>();
        await using (var export = await docker.Containers.ExportAsync(run.Id))
        {
            var tar = new MemoryStream();
            await export.CopyToAsync(tar);
            tar.Position = 0;
            using var reader = new TarReader(tar);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType == TarEntryType.SymbolicLink)
                    links[entry.Name] = entry.LinkName;
            }
        }
        Assert.Equal("busybox", links["./bin/sh"]);
        Assert.Equal("/bin", links["./sbin"]);
        Assert.Equal("/built.txt", links["./bin/built"]); // made through the /sbin link, so it lives in /bin
    }

    [Fact]
    public async Task Changes_of_a_container_never_started_fail_as_the_daemon_s_lstat_did()
    {
        await using var imported = await Imported.StartAsync();
        var docker = imported.Docker;
        var created = await docker.Containers.CreateAsync(new ContainerConfig { Image = "busybox-shaped", Cmd = ["true"] });
        var full = (await docker.Containers.InspectAsync(created.Id)).ID;
        var e = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.ChangesAsync(created.Id));
        Assert.Equal((HttpStatusCode.InternalServerError, $"lstat /var/lib/docker/containers/{full}/rw: no such file or directory"), (e.StatusCode, e.DaemonMessage));
        await docker.Containers.StartAsync(created.Id);
        await docker.Containers.WaitAsync(created.Id);
        Assert.Null(await docker.Containers.ChangesAsync(created.Id)); // no changes: Go's nil slice
    }
}
