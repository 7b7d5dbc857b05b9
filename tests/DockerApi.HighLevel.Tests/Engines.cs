using DockerApi.Emulator;

namespace DockerApi.HighLevel.Tests;

/// <summary>
/// The daemons the same tests run on: the emulated 2013 daemon (always) and the real engine that <c>.ci/dockerd</c>
/// starts (<c>DOCKERAPI_TEST_ENGINE</c>; without it those cases skip, and fail in CI), each with the image its tests run.
/// </summary>
public static class Engines
{
    public const string EngineVariable = "DOCKERAPI_TEST_ENGINE";

    /// <summary>The names of the theory data: one case per daemon.</summary>
    public static TheoryData<string> Both => ["emulator", "engine"];

    /// <summary>A connected client of <paramref name="which"/> and the image to run there; dispose both.</summary>
    public static async Task<Daemon> ConnectAsync(string which)
    {
        if (which == "emulator")
        {
            var emulator = await EmulatedDaemon.StartAsync();
            return new Daemon(await Docker.ConnectAsync(emulator.Endpoint.ToString()), "busybox", emulator);
        }
        var host = Environment.GetEnvironmentVariable(EngineVariable);
        if (string.IsNullOrEmpty(host))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"CI must run the real-engine cases: {EngineVariable} is not set (.ci/dockerd start sets it)");
            Skip.If(true, $"no real Docker Engine: {EngineVariable} is not set (`.ci/dockerd start <dir>` starts one, see .ci/run)");
        }
        // The engine of .ci/dockerd has no bridge and pulls nothing from the internet: test:latest is imported busybox.
        return new Daemon(await Docker.ConnectAsync(host), "test:latest", null);
    }
}

/// <summary>A client, the image its daemon has, and the emulator behind it when there is one.</summary>
public sealed record Daemon(Docker Docker, string Image, EmulatedDaemon? Emulator) : IAsyncDisposable
{
    public bool Is2013 => Docker.ApiVersion == "1.2";

    /// <summary>Every container the daemon has, running or not: what a test may leave behind.</summary>
    public async Task<IReadOnlyList<string>> ContainerIdsAsync() => Docker.Api is { } modern
        ? (await modern.Containers.ListAsync(all: true)).Select(c => c.Id!).ToList()
        : (await Docker.LegacyApi!.Containers.ListAsync(all: true)).Select(c => c.Id!).ToList();

    public async ValueTask DisposeAsync()
    {
        await Docker.DisposeAsync();
        if (Emulator is not null)
            await Emulator.DisposeAsync();
    }
}
