using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Docker.DotNet;
using Docker.DotNet.Models;
using V12 = DockerApi.V1_2;

namespace DockerApi.Benchmarks;

/// <summary>2. A pull progress stream of 100,000 JSON objects, consumed message by message.</summary>
[MemoryDiagnoser]
public class ProgressBenchmarks : ClientBenchmarks
{
    private static readonly byte[] Status = "status"u8.ToArray();

    /// <summary>The limit: PipeReader + Utf8JsonReader, reading each object's status.</summary>
    [Benchmark(Baseline = true, Description = "PipeReader + Utf8JsonReader")]
    public async Task<int> HandRolled()
    {
        using var response = await Baseline.PostAsync("/v1.41/images/create?fromImage=busybox", null);
        return await HandRolledLoop.CountAsync(PipeReader.Create(await response.Content.ReadAsStreamAsync()), Status);
    }

    [Benchmark(Description = "DockerApi")]
    public async Task<int> DockerApi()
    {
        var count = 0;
        await foreach (var message in Ours.Images.CreateAsync(fromImage: "busybox"))
        {
            if (message.Status is not null)
                count++;
        }
        return count;
    }

    /// <summary>Diagnostic: the runtime's reader on the same HTTP response, without the generated client's layers.</summary>
    [Benchmark(Description = "JsonStream on the response")]
    public async Task<int> JsonStreamOnResponse()
    {
        using var response = await Baseline.PostAsync("/v1.41/images/create?fromImage=busybox", null);
        var count = 0;
        await foreach (var message in global::DockerApi.Streams.JsonStream.ReadAsync(await response.Content.ReadAsStreamAsync(), V12.DockerJsonContext.Default.ProgressMessage, static m => m.Error))
        {
            if (message.Status is not null)
                count++;
        }
        return count;
    }

    private static readonly byte[] Concatenated = CannedServer.ProgressChunks.SelectMany(c => c).ToArray();

    /// <summary>Diagnostic: the runtime's reader on the same bytes in memory, without HTTP.</summary>
    [Benchmark(Description = "JsonStream in memory")]
    public async Task<int> JsonStreamInMemory()
    {
        var count = 0;
        await foreach (var message in global::DockerApi.Streams.JsonStream.ReadAsync(new MemoryStream(Concatenated, writable: false), V12.DockerJsonContext.Default.ProgressMessage, static m => m.Error))
        {
            if (message.Status is not null)
                count++;
        }
        return count;
    }

    /// <summary>Diagnostic: the hand-rolled loop on the same bytes in memory.</summary>
    [Benchmark(Description = "hand-rolled in memory")]
    public Task<int> HandRolledInMemory() => HandRolledLoop.CountAsync(PipeReader.Create(new MemoryStream(Concatenated, writable: false)), Status);

    [Benchmark(Description = "Docker.DotNet")]
    public async Task<int> DockerDotNet()
    {
        var counter = new Counter<JSONMessage>();
        await DockerDotNetClient.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = "busybox", Tag = "latest" }, null, counter);
        return counter.Count;
    }

    [Benchmark(Description = "Docker.DotNet.Enhanced")]
    public Task<int> DockerDotNetEnhanced() => Enhanced.PullAsync();
}
