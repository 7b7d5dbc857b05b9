using DockerApi.Tests;

namespace DockerApi.Runtime.Tests.Surface;

/// <summary>
/// The runtime's folders are layers: a folder uses the types of folders below it only, so their graph has no cycle
/// (the exceptions at the root ← Serialization ← Streams ← Transport ← Requests ← Configuration; Generated, which only
/// generated code calls, on top). Read from the sources (<see cref="FolderGraph"/>).
/// </summary>
public sealed class FolderCycleTests
{
    [Fact]
    public void The_runtime_s_folders_form_no_cycle()
    {
        var uses = FolderGraph.Uses(Path.Combine("runtime", "DockerApi.Runtime"));

        var cycle = FolderGraph.FindCycle(uses);
        Assert.True(cycle is null, $"a folder cycle: {string.Join(" → ", cycle ?? [])}");
        Assert.Contains("Serialization", uses["Streams"]); // the scan sees real uses
    }
}
