using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Docker.DotNet;
using Docker.DotNet.Models;
using V12 = DockerApi.V1_2;

namespace DockerApi.Benchmarks;

/// <summary>4. ContainerList of 1,000 containers: time and allocated bytes.</summary>
[MemoryDiagnoser]
public class ContainerListBenchmarks : ClientBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new();

    [Benchmark(Baseline = true, Description = "HttpClient + reflection STJ")]
    public async Task<int> HttpClientReflection()
    {
        using var response = await Baseline.GetAsync("/v1.41/containers/json?all=1", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
#pragma warning disable IL2026, IL3050 // the reflection baseline is what is measured
        return (await JsonSerializer.DeserializeAsync<List<ContainerDto>>(stream, Reflection))!.Count;
#pragma warning restore IL2026, IL3050
    }

    [Benchmark(Description = "DockerApi")]
    public async Task<int> DockerApi() => (await Ours.Containers.ListAsync(all: true)).Count;

    [Benchmark(Description = "Docker.DotNet")]
    public async Task<int> DockerDotNet() => (await DockerDotNetClient.Containers.ListContainersAsync(new ContainersListParameters { All = true })).Count;

    [Benchmark(Description = "Docker.DotNet.Enhanced")]
    public Task<int> DockerDotNetEnhanced() => Enhanced.ListContainersAsync();
}
