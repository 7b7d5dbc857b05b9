using System.Diagnostics;
using DockerApi.Tests;

namespace DockerApi.HighLevel.Tests;

/// <summary>
/// samples/DockerApi.QuickStart, a console app that references only the DockerApi project (the README's "Use it in your
/// project"), run as its own process against each daemon.
/// </summary>
public sealed class QuickStartTests
{
    private static readonly string Dll = Path.Combine(DockerApi.Tests.RepositoryPaths.Root, "samples", "DockerApi.QuickStart", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "DockerApi.QuickStart.dll");

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_quick_start_runs_through(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        // On a shared engine the program runs an image of this test's own, so that what it leaves behind can be told apart.
        var image = daemon.Is2013 ? daemon.Image : $"dapi-quickstart-{Guid.NewGuid():N}"[..28] + ":1";
        if (!daemon.Is2013)
            await daemon.Docker.Images.TagAsync(daemon.Image, image);
        var before = await daemon.ContainerIdsAsync(daemon.Is2013 ? null : image);
        var start = new ProcessStartInfo(TestPrograms.Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Dll, daemon.Docker.Endpoint.ToString(), image })
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(process.ExitCode == 0, await stderr);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(daemon.Is2013
            ? ["API 1.2", "run: exit 3, stdout out, stderr err", "missing image: 404", "exec: not on API 1.2", "done"]
            : [$"API {daemon.Docker.ApiVersion}", "run: exit 3, stdout out, stderr err", "missing image: 404",
                "exec: exit 4, stdout in-container, stderr warn", "file: same 71680 bytes", "done"], lines);
        Assert.Equal(before, await daemon.ContainerIdsAsync(daemon.Is2013 ? null : image));
        if (!daemon.Is2013)
            await daemon.Docker.Images.RemoveAsync(image);
    }
}
