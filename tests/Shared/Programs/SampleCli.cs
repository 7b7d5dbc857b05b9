using System.Diagnostics;

namespace DockerApi.Tests;

/// <summary>Runs the built sample CLI (samples/DockerApi.Cli) as a user does, in its own process.</summary>
internal static class SampleCli
{
    private static readonly string Dll = Path.Combine(RepositoryPaths.Root, "samples", "DockerApi.Cli", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "DockerApi.Cli.dll"); // bin/{Configuration}/net10.0

    /// <summary>Runs <c>docker [--host host] args…</c> with <paramref name="input"/> on stdin; DOCKER_HOST is unset.</summary>
    public static Task<(int Code, string Out, string Err)> Run(string? host, string input, params string[] args) =>
        Run(host, input, new Dictionary<string, string>(), args);

    /// <summary>Runs <c>docker [--host host] args…</c> with <paramref name="environment"/> added to the process's.</summary>
    public static Task<(int Code, string Out, string Err)> Run(string? host, string input, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(TestPrograms.Dotnet);
        start.ArgumentList.Add(Dll);
        return RunAsync(start, host, input, environment, args);
    }

    /// <summary>
    /// Runs the CLI in <paramref name="directory"/> after a shell <paramref name="prelude"/> (<c>ulimit</c>, <c>trap</c>):
    /// <c>/bin/sh -c 'prelude; exec dotnet DockerApi.Cli.dll …'</c>, dotnet named by its absolute path.
    /// </summary>
    public static Task<(int Code, string Out, string Err)> RunInShell(string prelude, string directory, string? host, string input,
        IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = directory };
        foreach (var argument in new[] { "-c", prelude + "; exec \"$@\"", "sh", TestPrograms.Dotnet, Dll })
            start.ArgumentList.Add(argument);
        return RunAsync(start, host, input, environment, args);
    }

    /// <summary>Runs a native build of the CLI (<paramref name="binary"/>) as <see cref="Run(string?, string, string[])"/> runs the JIT one.</summary>
    public static Task<(int Code, string Out, string Err)> RunNative(string binary, string? host, params string[] args) =>
        RunAsync(new ProcessStartInfo(binary), host, "", new Dictionary<string, string>(), args);

    private static async Task<(int Code, string Out, string Err)> RunAsync(ProcessStartInfo start, string? host, string input,
        IReadOnlyDictionary<string, string> environment, string[] args)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = start.RedirectStandardInput = true;
        if (host is not null)
        {
            start.ArgumentList.Add("--host");
            start.ArgumentList.Add(host);
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove("DOCKER_HOST");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the CLI as <see cref="Run(string?, string, IReadOnlyDictionary{string, string}, string[])"/> and fails the test, with its stderr, unless it exits 0; returns stdout.</summary>
    public static async Task<string> Succeed(string? host, string input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var (code, stdout, stderr) = await Run(host, input, environment ?? new Dictionary<string, string>(), args);
        Xunit.Assert.True(code == 0, $"docker {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }
}
