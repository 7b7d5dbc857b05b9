using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace DockerApi.Benchmarks;

/// <summary>6. 64 concurrent container inspects through one client (pooled connections on a unix socket).</summary>
[MemoryDiagnoser]
public class InspectBenchmarks : ClientBenchmarks
{
    public const int Concurrent = 64;

    /// <summary>The limit: HttpClient and System.Text.Json's source-generated reader of a small record.</summary>
    [Benchmark(Baseline = true, Description = "HttpClient + STJ")]
    public async Task<int> HttpClientJson()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(async i =>
        {
            using var response = await Baseline.GetAsync($"/v1.41/containers/c{i}/json", HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            return await JsonSerializer.DeserializeAsync(stream, BaselineJson.Default.InspectDto);
        }));
        return answers.Count(a => a!.State!.Running);
    }

    [Benchmark(Description = "DockerApi")]
    public async Task<int> DockerApi()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => OursModern.Containers.InspectAsync("c" + i)));
        return answers.Count(a => a.State!.Running == true);
    }

    [Benchmark(Description = "Docker.DotNet")]
    public async Task<int> DockerDotNet()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => DockerDotNetClient.Containers.InspectContainerAsync("c" + i)));
        return answers.Count(a => a.State.Running);
    }

    [Benchmark(Description = "Docker.DotNet.Enhanced")]
    public Task<int> DockerDotNetEnhanced() => Enhanced.InspectManyAsync(Concurrent);
}
