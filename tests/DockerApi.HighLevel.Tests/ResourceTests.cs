using System.Net;
using DockerApi.Requests;

namespace DockerApi.HighLevel.Tests;

/// <summary>Volumes, mounts, limits, folders copied in and out, stats and events (modern engines).</summary>
public sealed class ResourceTests
{
    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task A_volume_outlives_a_container_and_is_removed_with_its_disposal(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        string name;
        await using (var data = await daemon.Docker.Volumes.CreateAsync(labels: new Dictionary<string, string> { ["dockerapi.test"] = "volume" }))
        {
            name = data.Name;
            var mount = new ContainerOptions { Mounts = [Mount.Volume(data.Name, "/data")] };
            await daemon.Docker.Containers.RunAsync(daemon.Image, ["sh", "-c", "echo kept > /data/f"], mount);
            Assert.Equal("kept\n", (await daemon.Docker.Containers.RunAsync(daemon.Image, ["cat", "/data/f"], mount)).Stdout);
            Assert.Contains(name, (await daemon.Docker.Volumes.ListAsync(new DockerFilters().Add("label", "dockerapi.test=volume"))).Select(v => v.Name));
        }
        Assert.DoesNotContain(name, (await daemon.Docker.Volumes.ListAsync()).Select(v => v.Name));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task A_bind_mount_read_only_and_limits_reach_the_engine(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var folder = Directory.CreateTempSubdirectory("dockerapi-bind-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "host.txt"), "from the host");
            await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"], new ContainerOptions
            {
                Mounts = [Mount.Bind(folder, "/host", readOnly: true)], MemoryLimit = 64 * 1024 * 1024, CpuLimit = 0.5,
            });

            Assert.Equal("from the host", (await c.ExecAsync(["cat", "/host/host.txt"])).Stdout);
            Assert.NotEqual(0, (await c.ExecAsync(["touch", "/host/new"])).ExitCode);
            var host = (await c.InspectAsync()).Raw.GetProperty("HostConfig");
            Assert.Equal((64L * 1024 * 1024, 500_000_000L), (host.GetProperty("Memory").GetInt64(), host.GetProperty("NanoCpus").GetInt64()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task Folders_copy_in_and_out_whole_and_paths_stat_as_typed_values(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var source = Directory.CreateTempSubdirectory("dockerapi-cp-in-").FullName;
        var target = Directory.CreateTempSubdirectory("dockerapi-cp-out-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(source, "sub"));
            await File.WriteAllTextAsync(Path.Combine(source, "a.txt"), "A");
            await File.WriteAllBytesAsync(Path.Combine(source, "sub", "b.bin"), new byte[100_000]);
            await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", "mkdir /work; sleep 300"]);
            await c.ExecAsync(["sh", "-c", "until [ -d /work ]; do sleep 0.05; done"]);

            await c.CopyToAsync(source, "/work");
            Assert.Equal("A 100000\n", (await c.ExecAsync(["sh", "-c", "echo $(cat /work/a.txt) $(wc -c < /work/sub/b.bin)"])).Stdout);
            var stat = await c.StatAsync("/work/sub/b.bin");
            Assert.Equal(("b.bin", 100_000L, false), (stat.Name, stat.Size, stat.IsDirectory));
            Assert.True((await c.StatAsync("/work/sub")).IsDirectory);
            Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<DockerApiException>(() => c.StatAsync("/nothing/here"))).StatusCode);

            await c.CopyFromAsync("/work", target);
            Assert.Equal("A", await File.ReadAllTextAsync(Path.Combine(target, "work", "a.txt")));
            Assert.Equal(100_000, new FileInfo(Path.Combine(target, "work", "sub", "b.bin")).Length);

            // A link that leaves the target folder is refused, and nothing is written through it.
            await c.ExecAsync(["sh", "-c", "mkdir /evil && ln -s /etc /evil/out"]);
            await Assert.ThrowsAsync<DockerProtocolException>(() => c.CopyFromAsync("/evil", Path.Combine(target, "e")));
        }
        finally
        {
            Directory.Delete(source, recursive: true);
            Directory.Delete(target, recursive: true);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task Stats_read_the_memory_in_use_and_its_limit(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);
        var readings = 0;
        await foreach (var s in c.StatsAsync(stream: false))
        {
            readings++;
            Assert.InRange(s.MemoryUsage, 1, long.MaxValue);
            Assert.InRange(s.MemoryLimit, s.MemoryUsage, long.MaxValue);
        }
        Assert.Equal(1, readings);
    }

    [SkippableFact]
    public async Task Events_report_a_containers_life_typed_and_filtered()
    {
        // Not on Podman 4.3: its events answer nothing when `until` is given, and carry neither labels nor exitCode.
        await using var daemon = await Engines.ConnectAsync("engine");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var label = $"dockerapi.events={Guid.NewGuid():N}";
        var r = await daemon.Docker.Containers.RunAsync(daemon.Image, ["sh", "-c", "exit 2"],
            new ContainerOptions { Labels = new Dictionary<string, string> { ["dockerapi.events"] = label[(label.IndexOf('=') + 1)..] } });

        var events = new List<DockerEvent>();
        await foreach (var e in daemon.Docker.EventsAsync(new DockerFilters().Add("label", label).Add("event", "die"), since, DateTimeOffset.UtcNow.AddSeconds(1)))
            events.Add(e);
        var die = Assert.Single(events);
        Assert.Equal(("container", "die", r.Id, "2"), (die.Type, die.Action, die.ActorId, die.Attributes["exitCode"]));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task Prunes_remove_what_their_filters_name_and_leave_the_rest(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var mark = Guid.NewGuid().ToString("N");
        var labels = new Dictionary<string, string> { ["dockerapi.prune"] = mark };
        var stopped = await daemon.Docker.Containers.RunAsync(daemon.Image, ["true"], new ContainerOptions { Labels = labels, Keep = true });
        var other = await daemon.Docker.Containers.RunAsync(daemon.Image, ["true"], new ContainerOptions { Keep = true });
        await using var volume = await daemon.Docker.Volumes.CreateAsync(labels: labels);
        try
        {
            var containers = await daemon.Docker.Containers.PruneAsync(new DockerFilters().Add("label", $"dockerapi.prune={mark}"));
            Assert.Equal([stopped.Id], containers.Deleted);
            Assert.True(await ExistsAsync(daemon, other.Id));
            // Named volumes go only when asked for (all=true) on API 1.42 and later; Docker 20.10 speaks 1.41.
            var filters = new DockerFilters().Add("label", $"dockerapi.prune={mark}");
            Assert.Contains(volume.Name, (await daemon.Docker.Volumes.PruneAsync(daemon.Docker.ApiVersion is "1.41" ? filters : filters.Add("all", "true"))).Deleted);
        }
        finally
        {
            await daemon.Docker.Containers.Get(other.Id).RemoveAsync();
        }
    }

    private static async Task<bool> ExistsAsync(Daemon daemon, string id) => (await daemon.ContainerIdsAsync()).Contains(id);
}
