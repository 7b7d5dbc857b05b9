using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Docker.DotNet;
using V12 = DockerApi.V1_2;

namespace DockerApi.Benchmarks;

/// <summary>1. One GET /version round trip over a pooled connection on a unix socket.</summary>
[MemoryDiagnoser]
public class VersionBenchmarks : ClientBenchmarks
{

    [Benchmark(Baseline = true, Description = "HttpClient + STJ")]
    public async Task<string?> HttpClientStj()
    {
        using var response = await Baseline.GetAsync("/v1.41/version", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(stream, BaselineJson.Default.VersionDto))!.Version;
    }

    [Benchmark(Description = "DockerApi")]
    public async Task<string?> DockerApi() => (await Ours.System.VersionAsync()).Version;

    [Benchmark(Description = "Docker.DotNet")]
    public async Task<string?> DockerDotNet() => (await DockerDotNetClient.System.GetVersionAsync()).Version;

    [Benchmark(Description = "Docker.DotNet.Enhanced")]
    public Task<string?> DockerDotNetEnhanced() => Enhanced.VersionAsync();
}
