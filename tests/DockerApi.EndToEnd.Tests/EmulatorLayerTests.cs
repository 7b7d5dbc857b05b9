using DockerApi.Tests;

namespace DockerApi.EndToEnd.Tests;

/// <summary>
/// The emulator's folders are layers with no cycle: Http and State at the bottom, Processes over State (the state is
/// handed the process starter, not the other way round), Api over all three, <c>EmulatedDaemon.cs</c> on top.
/// </summary>
public sealed class EmulatorLayerTests
{
    [Fact]
    public void The_emulator_s_folders_form_no_cycle()
    {
        var uses = FolderGraph.Uses(Path.Combine("emulator", "DockerApi.Emulator"));

        var cycle = FolderGraph.FindCycle(uses);
        Assert.True(cycle is null, $"a folder cycle: {string.Join(" → ", cycle ?? [])}");
        Assert.Contains("State", uses["Processes"]); // the scan sees real uses
        Assert.DoesNotContain("Processes", uses["State"]);
    }
}
