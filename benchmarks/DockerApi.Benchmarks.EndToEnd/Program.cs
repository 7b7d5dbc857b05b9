using System.Text;
using DockerApi;
using DockerApi.Benchmarks.EndToEnd;
using Docker.DotNet;
using Docker.DotNet.Unix;

// End to end on a real engine, each client doing what a user asks for (benchmarks/RESULTS.md, "End to end"):
//   .ci/dockerd start /tmp/dockerapi-engine && set -a && . /tmp/dockerapi-engine/env && set +a
//   dotnet run -c Release --project benchmarks/DockerApi.Benchmarks.EndToEnd -- [iterations, default 20]
// The .NET clients and docker-py are timed inside their process, warm; the docker CLI and curl as whole commands, as a
// shell user waits for them. Each row: two warm-ups, then the iterations; medians compared.
var engine = Environment.GetEnvironmentVariable("DOCKERAPI_TEST_ENGINE") ?? throw new InvalidOperationException("Start the CI engine and source its env (see the top of this file).");
var registry = Environment.GetEnvironmentVariable("DOCKERAPI_TEST_REGISTRY") ?? throw new InvalidOperationException("DOCKERAPI_TEST_REGISTRY is not set.");
var iterations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;

await using var setup = await Engine.PrepareAsync(engine, registry);
Environment.SetEnvironmentVariable("DOCKER_CONFIG", setup.Config); // the high-level client reads the CLI's login, as the CLI does
await using var docker = await DockerApi.Docker.ConnectAsync(engine);
var api = docker.Api ?? throw new InvalidOperationException("The CI engine speaks a modern API.");
using var enhanced = new DockerClientBuilder().WithEndpoint(new Uri(engine)).WithTransportOptions(new UnixSocketTransportOptions()).Build();
var target = docker.Containers.Get(setup.Target);
var cli = (await setup.CliAsync("version", "--format", "{{.Client.Version}}")).Trim();
var rows = new Rows(setup, docker, api, enhanced, target, cli);

var results = new List<(string Row, string Client, double Median)>();
foreach (var (row, clients) in rows.All)
{
    foreach (var (client, measure) in clients)
    {
        var times = new List<double>();
        for (var i = 0; i < iterations + 2; i++)
        {
            var elapsed = await measure();
            if (i >= 2)
                times.Add(elapsed);
        }
        Add(row, client, times);
    }
    if (await rows.DockerPyAsync(row, iterations) is { } py)
        Add(row, "docker-py 7.1.0", py);
}
Console.WriteLine(Table(results, iterations));
return 0;

// One client's times of a row: its median kept for the table, the spread shown as it goes.
void Add(string row, string client, List<double> times)
{
    var median = Median(times);
    results.Add((row, client, median));
    Console.Error.WriteLine($"{row,-10} {client,-26} median {median,9:F1} ms  (min {times.Min():F1}, max {times.Max():F1})");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// One row per operation: every client's median, and the ratios the issue asks for.
static string Table(List<(string Row, string Client, double Median)> results, int iterations)
{
    var clients = results.Select(r => r.Client).Distinct().ToList();
    var text = new StringBuilder();
    text.AppendLine($"Medians of {iterations} (ms); high-level / generated; each peer / high-level (above 1: slower than ours).");
    text.AppendLine();
    text.AppendLine("| row | " + string.Join(" | ", clients) + " | high-level / generated | peers / high-level |");
    text.AppendLine("|---|" + string.Concat(clients.Select(_ => "---|")) + "---|---|");
    foreach (var row in results.Select(r => r.Row).Distinct())
    {
        var of = results.Where(r => r.Row == row).ToDictionary(r => r.Client, r => r.Median);
        string Cell(string c) => of.TryGetValue(c, out var m) ? m.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "—";
        var high = of[Rows.HighLevel];
        var ratio = of.TryGetValue(Rows.Generated, out var generated) ? $"{high / generated:F2}×" : "—";
        var peers = string.Join(", ", of.Where(p => p.Key is not Rows.HighLevel and not Rows.Generated).Select(p => $"{p.Key} {p.Value / high:F2}×"));
        text.AppendLine($"| {row} | " + string.Join(" | ", clients.Select(Cell)) + $" | {ratio} | {peers} |");
    }
    return text.ToString();
}
