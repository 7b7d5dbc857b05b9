using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/DockerApi.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/DockerApi.Benchmarks -- smoke     (each benchmark once, with its result)
// dotnet run -c Release --project benchmarks/DockerApi.Benchmarks -- docker-py (docker-py on the same canned server)
if (args is ["smoke", ..])
    return await Smoke(args.Skip(1).ToArray());
if (args is ["docker-py"])
    return await DockerPy();

// One launch, few iterations: the whole suite stays within about ten minutes on two cores.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6).AsDefault())
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;

// docker-py (python3-docker) on the same canned server, timed inside its interpreter: a cross-language peer for the
// rows it can do (version, list, pull, events, logs).
static async Task<int> DockerPy()
{
    using var server = new DockerApi.Benchmarks.CannedServer();
    var script = Path.Combine(DockerApi.Benchmarks.Repository.Root, "benchmarks", "DockerApi.Benchmarks", "dockerpy_canned.py");
    var python = DockerApi.Transport.DockerEnvironment.Current.FindProgram("python3")
        ?? throw new InvalidOperationException("python3 is not in any absolute folder of PATH");
    var start = new ProcessStartInfo(python) { RedirectStandardOutput = true };
    start.ArgumentList.Add(script);
    start.ArgumentList.Add(server.DockerDotNetUri.AbsolutePath);
    using var process = Process.Start(start)!;
    Console.WriteLine("| row | docker-py, median (ms) | what it read |");
    Console.WriteLine("|---|---|---|");
    while (await process.StandardOutput.ReadLineAsync() is { } line)
        Console.WriteLine("| " + string.Join(" | ", line.Split('\t')) + " |");
    await process.WaitForExitAsync();
    return process.ExitCode;
}

// Runs every benchmark method once and prints what it returned: a check that each measures what it should.
static async Task<int> Smoke(string[] filter)
{
    var failures = 0;
    foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)))
    {
        var instance = Activator.CreateInstance(type)!;
        type.GetMethods().Single(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null).Invoke(instance, null);
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
        {
            var name = $"{type.Name}.{method.Name}";
            if (filter.Length > 0 && !filter.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)))
                continue;
            var watch = Stopwatch.StartNew();
            try
            {
                var result = method.Invoke(instance, null);
                if (result is Task task)
                {
                    await task.WaitAsync(TimeSpan.FromSeconds(120));
                    result = task.GetType().GetProperty("Result")?.GetValue(task);
                }
                Console.WriteLine($"{name,-50} {watch.Elapsed.TotalMilliseconds,10:F1} ms  -> {result}");
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"{name,-50} FAILED after {watch.Elapsed.TotalMilliseconds:F0} ms: {(e is TargetInvocationException t ? t.InnerException : e)?.GetType().Name}: {(e is TargetInvocationException ti ? ti.InnerException : e)?.Message}");
            }
        }
        type.GetMethods().SingleOrDefault(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null)?.Invoke(instance, null);
    }
    return failures;
}
