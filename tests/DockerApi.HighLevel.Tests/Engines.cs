using DockerApi.Emulator;

namespace DockerApi.HighLevel.Tests;

/// <summary>
/// The daemons the same tests run on: the emulated 2013 daemon (always), and the real Docker Engine and Podman that
/// <c>.ci/dockerd</c> starts (<c>DOCKERAPI_TEST_ENGINE</c>, <c>DOCKERAPI_TEST_PODMAN</c>; without them those cases skip,
/// and fail in CI), each with the image its tests run.
/// </summary>
public static class Engines
{
    public const string EngineVariable = "DOCKERAPI_TEST_ENGINE";
    public const string PodmanVariable = "DOCKERAPI_TEST_PODMAN";

    /// <summary>The names of the theory data: one case per daemon.</summary>
    public static TheoryData<string> All => ["emulator", "engine", "podman"];

    /// <summary>The modern engines: Docker and Podman.</summary>
    public static TheoryData<string> Modern => ["engine", "podman"];

    /// <summary>A connected client of <paramref name="which"/> and the image to run there; dispose both.</summary>
    public static async Task<Daemon> ConnectAsync(string which)
    {
        if (which == "emulator")
        {
            var emulator = await EmulatedDaemon.StartAsync();
            return new Daemon(await Docker.ConnectAsync(emulator.Endpoint.ToString()), "busybox", emulator);
        }
        var variable = which == "podman" ? PodmanVariable : EngineVariable;
        var host = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(host))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"CI must run the {which} cases: {variable} is not set (.ci/dockerd start sets it)");
            Skip.If(true, $"no {(which == "podman" ? "Podman" : "real Docker Engine")}: {variable} is not set (`.ci/dockerd start <dir>` starts one, see .ci/run)");
        }
        // The engines of .ci/dockerd have no bridge and pull nothing from the internet: test:latest is imported busybox.
        return new Daemon(await Docker.ConnectAsync(host), "test:latest", null);
    }
}

/// <summary>A client, the image its daemon has, and the emulator behind it when there is one.</summary>
public sealed record Daemon(Docker Docker, string Image, EmulatedDaemon? Emulator) : IAsyncDisposable
{
    public bool Is2013 => Docker.ApiVersion == "1.2";

    /// <summary>
    /// Every container the daemon has, running or not, or those of <paramref name="ancestor"/> only: what a test may leave
    /// behind. A test on a shared engine names its own image, as the other test assemblies run their containers beside it.
    /// </summary>
    public async Task<IReadOnlyList<string>> ContainerIdsAsync(string? ancestor = null) => Docker.Api is { } modern
        ? (await modern.Containers.ListAsync(all: true, filters: ancestor is null ? null : $$"""{"ancestor":["{{ancestor}}"]}""")).Select(c => c.Id!).ToList()
        : (await Docker.LegacyApi!.Containers.ListAsync(all: true)).Select(c => c.Id!).ToList();

    public async ValueTask DisposeAsync()
    {
        await Docker.DisposeAsync();
        if (Emulator is not null)
            await Emulator.DisposeAsync();
    }
}
