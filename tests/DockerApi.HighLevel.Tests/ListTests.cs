using DockerApi.Requests;
using DockerApi.Transport;

namespace DockerApi.HighLevel.Tests;

/// <summary><c>Containers.ListAsync</c> with typed filters.</summary>
public sealed class ListTests
{
    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task A_label_filter_finds_exactly_the_containers_that_carry_it(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var run = Guid.NewGuid().ToString("N")[..8];
        var labels = new Dictionary<string, string> { ["dockerapi.list"] = run };
        await using var web = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"], new ContainerOptions { Labels = labels, Name = "dapi-web-" + run });
        await using var other = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);

        var found = await daemon.Docker.Containers.ListAsync(new DockerFilters().Add("label", "dockerapi.list=" + run));
        var parsed = await daemon.Docker.Containers.ListAsync(DockerFilters.Parse(["label=dockerapi.list=" + run, "status=running"]));

        var info = Assert.Single(found);
        Assert.Equal((web.Id, "running", "dapi-web-" + run, run), (info.Id, info.State, info.Names.Single(), info.Labels["dockerapi.list"]));
        Assert.Equal(web.Id, Assert.Single(parsed).Id);
    }

    [Fact]
    public async Task On_2013_the_list_has_no_filters_and_the_state_is_read_from_the_status()
    {
        await using var daemon = await Engines.ConnectAsync("emulator");
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);

        var all = await daemon.Docker.Containers.ListAsync(all: true); // 2013 answers create with the short id, the list with the full one
        var refused = await Assert.ThrowsAsync<DockerVersionException>(() => daemon.Docker.Containers.ListAsync(new DockerFilters().Add("status", "running")));

        Assert.Equal("running", Assert.Single(all, i => i.Id.StartsWith(c.Id, StringComparison.Ordinal)).State);
        Assert.Equal(("ContainerList (filters)", "1.25"), (refused.Operation, refused.RequiredVersion));
    }
}
