// The README's "Use it in your project", whole: run, a missing image, start → exec → files → dispose.
// Usage: DockerApi.QuickStart [HOST] [IMAGE]   (no HOST: the daemon the docker CLI would use; IMAGE: busybox)
using DockerApi;
using DockerApi.Transport;

var host = args.Length > 0 ? args[0] : null;
var image = args.Length > 1 ? args[1] : "busybox";

await using var docker = await Docker.ConnectAsync(host);
Console.WriteLine($"API {docker.ApiVersion}");

var r = await docker.Containers.RunAsync(image, ["sh", "-c", "echo out; echo err >&2; exit 3"]);
Console.WriteLine($"run: exit {r.ExitCode}, stdout {r.Stdout.Trim()}, stderr {r.Stderr.Trim()}");

try
{
    await docker.Containers.RunAsync("dockerapi/no-such-image:never", ["true"]);
}
catch (DockerApiException e)
{
    Console.WriteLine($"missing image: {(int)e.StatusCode}");
}

await using (var c = await docker.Containers.StartAsync(image, ["sleep", "300"]))
{
    try
    {
        var e = await c.ExecAsync(["sh", "-c", "echo in-container; echo warn >&2; exit 4"]);
        Console.WriteLine($"exec: exit {e.ExitCode}, stdout {e.Stdout.Trim()}, stderr {e.Stderr.Trim()}");
        var bytes = new byte[70 * 1024];
        new Random(7).NextBytes(bytes);
        await c.WriteFileAsync("/tmp/in.bin", bytes);
        byte[] back = await c.ReadFileAsync("/tmp/in.bin");
        Console.WriteLine($"file: {(back.AsSpan().SequenceEqual(bytes) ? "same" : "different")} {back.Length} bytes");
    }
    catch (DockerVersionException e)
    {
        Console.WriteLine($"exec: not on API {e.ApiVersion}");
    }
}
Console.WriteLine("done");
