using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Docker.DotNet;
using V12 = DockerApi.V1_2;

namespace DockerApi.Benchmarks;

/// <summary>1. One GET /version round trip over a pooled connection on a unix socket.</summary>
[MemoryDiagnoser]
public class VersionBenchmarks
{
    private CannedServer _server = null!;
    private HttpClient _baseline = null!;
    private V12.DockerClient _ours = null!;
    private DockerClient _dockerDotNet = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new CannedServer();
        _baseline = Baselines.HttpClient(_server.Endpoint);
        _ours = new V12.DockerClient(_server.Endpoint);
        _dockerDotNet = new DockerClientConfiguration(_server.DockerDotNetUri).CreateClient();
    }

    [Benchmark(Baseline = true, Description = "HttpClient + STJ")]
    public async Task<string?> HttpClientStj()
    {
        using var response = await _baseline.GetAsync("/v1.41/version", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(stream, BaselineJson.Default.VersionDto))!.Version;
    }

    [Benchmark(Description = "DockerApi")]
    public async Task<string?> DockerApi() => (await _ours.System.VersionAsync()).Version;

    [Benchmark(Description = "Docker.DotNet")]
    public async Task<string?> DockerDotNet() => (await _dockerDotNet.System.GetVersionAsync()).Version;

    [GlobalCleanup]
    public void Cleanup()
    {
        _baseline.Dispose();
        _ours.Dispose();
        _dockerDotNet.Dispose();
        _server.Dispose();
    }
}
