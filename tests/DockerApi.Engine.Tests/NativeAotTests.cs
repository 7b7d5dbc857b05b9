using System.Diagnostics;
using System.Text.RegularExpressions;
using DockerApi.Tests;

namespace DockerApi.Engine.Tests;

/// <summary>
/// The sample CLI published with native AOT (what keeps "AOT-clean" true): no trim or AOT warning, and the binary
/// runs on the embedded emulator and against the CI engine. Needs clang and lld, which .ci/run installs.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed partial class NativeAotTests(DockerEngine engine, NativeCli cli) : IClassFixture<NativeCli>
{
    [SkippableFact]
    public void Publishing_with_native_AOT_gives_no_trim_or_AOT_warning()
    {
        cli.Require();
        Assert.True(File.Exists(cli.Binary), cli.Output);
        var warnings = Warning().Matches(cli.Output).Select(m => m.Value).Distinct().ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    [SkippableFact]
    public async Task The_native_CLI_runs_on_the_embedded_emulator_and_on_the_engine()
    {
        cli.Require();
        var emulated = await SampleCli.RunNative(cli.Binary, null, "run", "busybox", "echo", "hello");
        Assert.Equal((0, "hello\n"), (emulated.Code, emulated.Out));
        Assert.Contains("emulated docker 0.4.4", emulated.Err);

        var before = (await engine.Client.Containers.ListAsync(all: true)).Select(c => c.Id).ToHashSet();
        try
        {
            var real = await SampleCli.RunNative(cli.Binary, engine.Endpoint.ToString(), "run", "test", "echo", "hello");
            Assert.True(real.Code == 0, real.Err);
            Assert.Equal("hello\n", real.Out);
        }
        finally
        {
            foreach (var container in await engine.Client.Containers.ListAsync(all: true))
            {
                if (!before.Contains(container.Id))
                    await engine.Client.Containers.DeleteAsync(container.Id!, force: true);
            }
        }
    }

    [GeneratedRegex(@"warning (IL\d{4}|IL\w+|NETSDK\d+)[^\r\n]*")]
    private static partial Regex Warning();
}

/// <summary><c>dotnet publish</c> of the sample CLI with native AOT, once for the class.</summary>
public sealed class NativeCli : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dapi-aot-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string? _missing;

    public NativeCli()
    {
        if (!File.Exists("/usr/bin/clang") || !File.Exists("/usr/bin/ld.lld"))
        {
            _missing = "native AOT needs clang and lld (.ci/run installs them)";
            return;
        }
        var start = new ProcessStartInfo(TestPrograms.Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", Path.Combine(RepositoryPaths.Root, "samples", "DockerApi.Cli"), "-c", "Release", "-r", "linux-x64",
                     "-p:DockerApiAot=true", "-o", _directory, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        Output = process.StandardOutput.ReadToEnd() + stderr.GetAwaiter().GetResult();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            process.Kill(entireProcessTree: true);
    }

    public string Binary => Path.Combine(_directory, "DockerApi.Cli");

    /// <summary>What <c>dotnet publish</c> printed.</summary>
    public string Output { get; } = "";

    /// <summary>Skips (locally) or fails (CI) when the native toolchain is missing.</summary>
    public void Require()
    {
        if (_missing is null)
            return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("CI must run the native AOT tests: " + _missing);
        Skip.If(true, _missing);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
