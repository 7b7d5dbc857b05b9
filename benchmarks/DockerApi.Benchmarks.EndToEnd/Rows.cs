using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using DockerApi.Latest;
using Task = System.Threading.Tasks.Task;

namespace DockerApi.Benchmarks.EndToEnd;

/// <summary>
/// The rows — <c>run --rm … true</c>, <c>exec … true</c>, a pull of 50 MB from the CI registry, 1,000 inspects — as
/// each client does them. The generated row makes the calls the high-level client makes, so their ratio is the cost
/// of the layer; curl sends the same requests from one process (attach aside), the engine's own floor.
/// </summary>
internal sealed class Rows(Engine setup, Docker docker, Latest.DockerClient api, IDockerClient enhanced, Container target, string cliVersion)
{
    public const string HighLevel = "DockerApi (high-level)";
    public const string Generated = "DockerApi (generated)";
    private const string Enhanced = "Docker.DotNet.Enhanced 4.4.1";
    private string Cli => $"docker CLI {cliVersion}";
    private const string Curl = "curl (the floor)";

    private string Version => docker.ApiVersion;

    private string Repository => setup.PullReference[..setup.PullReference.LastIndexOf(':')];

    /// <summary>The CI registry, the first part of the repository.</summary>
    private string Registry => Repository[..Repository.IndexOf('/')];

    /// <summary>The <c>X-Registry-Auth</c> of the registry's test user, as the runtime encodes it.</summary>
    private string Auth => Requests.RegistryAuth.Encode(Engine.User, Engine.Password, Registry);

    public IEnumerable<(string Row, IReadOnlyList<(string Client, Func<Task<double>> Measure)> Clients)> All =>
    [
        ("run --rm", [
            (HighLevel, () => Time(() => docker.Containers.RunAsync(Engine.Image, ["true"]))),
            (Generated, () => Time(RunGeneratedAsync)),
            (Enhanced, () => Time(RunEnhancedAsync)),
            (Cli, () => Command("docker", ["run", "--rm", Engine.Image, "true"])),
            (Curl, () => Command("curl", CurlRun())),
        ]),
        ("exec", [
            (HighLevel, () => Time(() => target.ExecAsync(["true"]))),
            (Generated, () => Time(ExecGeneratedAsync)),
            (Enhanced, () => Time(ExecEnhancedAsync)),
            (Cli, () => Command("docker", ["exec", setup.Target, "true"])),
        ]),
        ("pull 50 MB", [
            (HighLevel, () => Pull(() => docker.Images.PullAsync(setup.PullReference))),
            (Generated, () => Pull(PullGeneratedAsync)),
            (Enhanced, () => Pull(PullEnhancedAsync)),
            (Cli, async () => { await RemoveImageAsync(); return await Command("docker", ["pull", "-q", setup.PullReference]); }),
            (Curl, async () => { await RemoveImageAsync(); return await Command("curl", CurlPull()); }),
        ]),
        ("1,000 inspects", [
            (HighLevel, () => Time(async () => { for (var i = 0; i < 1000; i++) await target.InspectAsync(); })),
            (Generated, () => Time(async () => { for (var i = 0; i < 1000; i++) await api.Containers.InspectAsync(setup.Target); })),
            (Enhanced, () => Time(async () => { for (var i = 0; i < 1000; i++) await enhanced.Containers.InspectContainerAsync(setup.Target); })),
            (Cli, () => Command("docker", ["inspect", .. Enumerable.Repeat(setup.Target, 1000)])),
            (Curl, () => Command("curl", ["-sf", "-o", "/dev/null", "--unix-socket", setup.Socket, .. Enumerable.Repeat($"http://localhost/v{Version}/containers/{setup.Target}/json", 1000)])),
        ]),
    ];

    /// <summary>docker-py's times for a row, from its own process (two warm-ups there too); null when it has no such row.</summary>
    public async Task<List<double>?> DockerPyAsync(string row, int iterations)
    {
        var name = row switch { "run --rm" => "run", "exec" => "exec", "pull 50 MB" => "pull", "1,000 inspects" => "inspect", _ => null };
        if (name is null)
            return null;
        var script = Path.Combine(AppContext.BaseDirectory, "dockerpy_rows.py");
        var output = await Engine.RunAsync("python3", [script, setup.Socket, name, $"{iterations}", Engine.Image, setup.Target, setup.PullReference, Engine.User, Engine.Password]);
        return output.Trim().Split(',').Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    // The calls RunAsync makes: create, attach, start, the output to its end, wait, remove.
    private async Task RunGeneratedAsync()
    {
        var created = await api.Containers.CreateAsync(new ContainerCreateRequest { Image = Engine.Image, Cmd = ["true"], AttachStdout = true, AttachStderr = true });
        var output = await api.Containers.AttachOutputAsync(created.Id, stream: true, stdout: true, stderr: true);
        await using (output)
        {
            await api.Containers.StartAsync(created.Id);
            await output.CopyOutputToAsync(Stream.Null, Stream.Null);
        }
        await api.Containers.WaitAsync(created.Id);
        await api.Containers.DeleteAsync(created.Id, v: true, force: true);
    }

    private async Task RunEnhancedAsync()
    {
        var created = await enhanced.Containers.CreateContainerAsync(new CreateContainerParameters { Image = Engine.Image, Cmd = ["true"], AttachStdout = true, AttachStderr = true });
        using (var output = await enhanced.Containers.AttachContainerAsync(created.ID, new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true }))
        {
            await enhanced.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            await output.CopyOutputToAsync(Stream.Null, Stream.Null, Stream.Null, CancellationToken.None);
        }
        await enhanced.Containers.WaitContainerAsync(created.ID);
        await enhanced.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
    }

    // The calls ExecAsync makes: create, start attached, the output to its end, inspect for the exit code.
    private async Task ExecGeneratedAsync()
    {
        var exec = await api.Exec.CreateAsync(setup.Target, new ContainerExecRequest { Cmd = ["true"], AttachStdout = true, AttachStderr = true });
        var output = await api.Exec.StartOutputAsync(exec.Id, new ExecStartRequest());
        await using (output)
            await output.CopyOutputToAsync(Stream.Null, Stream.Null);
        await api.Exec.InspectAsync(exec.Id);
    }

    private async Task ExecEnhancedAsync()
    {
        var exec = await enhanced.Exec.CreateContainerExecAsync(setup.Target, new ContainerExecCreateParameters { Cmd = ["true"], AttachStdout = true, AttachStderr = true });
        using (var output = await enhanced.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters()))
            await output.CopyOutputToAsync(Stream.Null, Stream.Null, Stream.Null, CancellationToken.None);
        await enhanced.Exec.InspectContainerExecAsync(exec.ID);
    }

    private async Task PullGeneratedAsync()
    {
        await foreach (var _ in api.Images.CreateAsync(fromImage: Repository, tag: "50m", xRegistryAuth: Auth))
        {
        }
    }

    private Task PullEnhancedAsync() =>
        enhanced.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = Repository, Tag = "50m" },
            new global::Docker.DotNet.Models.AuthConfig { Username = Engine.User, Password = Engine.Password, ServerAddress = Registry }, new Ignore());

    /// <summary>A pull, the image removed first (not timed), so that each one moves the 50 MB.</summary>
    private async Task<double> Pull(Func<Task> pull)
    {
        await RemoveImageAsync();
        return await Time(pull);
    }

    private async Task RemoveImageAsync()
    {
        try
        {
            await api.Images.DeleteAsync(setup.PullReference, force: true);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
    }

    // create (named, as curl cannot carry an id from one request to the next), start, wait, remove: one process.
    private string[] CurlRun()
    {
        var name = "e2e-curl-" + Guid.NewGuid().ToString("N")[..8];
        var at = $"http://localhost/v{Version}/containers";
        string[] each = ["-sf", "-o", "/dev/null", "--unix-socket", setup.Socket];
        return [.. each, "-X", "POST", "-H", "Content-Type: application/json", "-d", $"{{\"Image\":\"{Engine.Image}\",\"Cmd\":[\"true\"]}}", $"{at}/create?name={name}",
            "--next", .. each, "-X", "POST", $"{at}/{name}/start",
            "--next", .. each, "-X", "POST", $"{at}/{name}/wait",
            "--next", .. each, "-X", "DELETE", $"{at}/{name}?force=1"];
    }

    private string[] CurlPull() =>
        ["-sf", "-o", "/dev/null", "--unix-socket", setup.Socket, "-X", "POST", "-H", $"X-Registry-Auth: {Auth}",
            $"http://localhost/v{Version}/images/create?fromImage={Repository}&tag=50m"];

    private static async Task<double> Time(Func<Task> operation)
    {
        var watch = Stopwatch.StartNew();
        await operation();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>A whole command, as a shell user waits for it: process start to exit.</summary>
    private async Task<double> Command(string program, string[] arguments)
    {
        var watch = Stopwatch.StartNew();
        await Engine.RunAsync(program, arguments, null, ("DOCKER_HOST", setup.Endpoint), ("DOCKER_CONFIG", setup.Config));
        return watch.Elapsed.TotalMilliseconds;
    }

    private sealed class Ignore : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value)
        {
        }
    }
}
