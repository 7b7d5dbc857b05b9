using DockerApi.Emulator;

// dotnet run --project emulator -- --host tcp://127.0.0.1:4243   (or --host unix:///tmp/docker.sock)
var host = "tcp://127.0.0.1:4243";
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--host" or "-H" && i + 1 < args.Length)
        host = args[++i];
    else if (args[i] is "--help" or "-h")
    {
        Console.WriteLine("Usage: DockerApi.Emulator [--host tcp://127.0.0.1:4243 | --host unix:///path]");
        return 0;
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: DockerApi.Emulator [--host tcp://HOST:PORT | unix:///PATH]");
        return 2;
    }
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var daemon = await EmulatedDaemon.StartAsync(new EmulatorOptions { Host = host });
Console.WriteLine($"Emulated docker 0.4.4 daemon (API v1.0 - v1.2) listening on {daemon.Endpoint}");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Stopped.
}
return 0;
