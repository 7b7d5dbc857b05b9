using System.Diagnostics;

namespace DockerApi.Benchmarks.EndToEnd;

/// <summary>
/// What the rows need on the CI engine, made with the docker CLI: a login to the CI registry in a config folder of its
/// own, a 50 MB image pushed there, and a running container to exec in and inspect. Disposing removes them.
/// </summary>
internal sealed class Engine : IAsyncDisposable
{
    public const string Image = "test:latest";
    public const string User = "tester";
    public const string Password = "s3cret"; // the CI registry's test user (.ci/dockerd), nothing secret

    private Engine(string endpoint, string socket, string pullReference, string config, string target) =>
        (Endpoint, Socket, PullReference, Config, Target) = (endpoint, socket, pullReference, config, target);

    public string Endpoint { get; }

    /// <summary>The engine's unix socket path.</summary>
    public string Socket { get; }

    /// <summary>The 50 MB image in the CI registry, <c>registry/e2e/blob:50m</c>.</summary>
    public string PullReference { get; }

    /// <summary>The docker CLI's config folder, logged in to the CI registry.</summary>
    public string Config { get; }

    /// <summary>The id of a container running <c>sleep</c>.</summary>
    public string Target { get; }

    public static async Task<Engine> PrepareAsync(string endpoint, string registry)
    {
        var socket = new Uri(endpoint).AbsolutePath;
        var config = Directory.CreateTempSubdirectory("e2e-docker-config").FullName;
        var reference = $"{registry}/e2e/blob:50m";
        await CliAsync(endpoint, config, Password, "login", "-u", User, "--password-stdin", registry);
        // 50 MB that do not compress, as one file of a tar the CLI imports: the pull moves what a mid-sized image moves.
        var folder = Directory.CreateTempSubdirectory("e2e-blob").FullName;
        var tar = Path.Combine(folder, "blob.tar");
        var blob = new byte[50 << 20];
        Random.Shared.NextBytes(blob);
        await using (var file = File.Create(tar))
        await using (var writer = new System.Formats.Tar.TarWriter(file))
            await writer.WriteEntryAsync(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "blob") { DataStream = new MemoryStream(blob) });
        await CliAsync(endpoint, config, null, "import", tar, reference);
        Directory.Delete(folder, recursive: true);
        await CliAsync(endpoint, config, null, "push", reference);
        var target = (await CliAsync(endpoint, config, null, "run", "-d", Image, "sleep", "3600")).Trim();
        return new Engine(endpoint, socket, reference, config, target);
    }

    /// <summary>Runs the docker CLI against the engine with this config; its output.</summary>
    public Task<string> CliAsync(params string[] arguments) => CliAsync(Endpoint, Config, null, arguments);

    private static Task<string> CliAsync(string endpoint, string config, string? stdin, params string[] arguments) =>
        RunAsync("docker", arguments, stdin, ("DOCKER_HOST", endpoint), ("DOCKER_CONFIG", config));

    /// <summary>Runs a program to its end; its standard output, or an exception with its standard error.</summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string? stdin = null, params (string Name, string Value)[] environment)
    {
        // By absolute path from PATH's absolute folders, never the current directory; an argument list, not a command
        // line: a JSON body keeps its quotes.
        var path = Transport.DockerEnvironment.Current.FindProgram(program)
            ?? throw new InvalidOperationException($"{program} is not in any absolute folder of PATH");
        var start = new ProcessStartInfo(path, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList.Take(6))} exited {process.ExitCode}: {await error}");
        return await output;
    }

    public async ValueTask DisposeAsync()
    {
        await CliAsync("rm", "-f", Target);
        try
        {
            await CliAsync("rmi", "-f", PullReference);
        }
        catch (InvalidOperationException)
        {
            // Already gone: the last pull row removes it before pulling, a failed run may not have pulled it again.
        }
        Directory.Delete(Config, recursive: true);
    }
}
