using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Docker.DotNet.Models;
using V141 = DockerApi.V1_41;

namespace DockerApi.Benchmarks;

/// <summary>7. An events stream of 100,000 messages, consumed message by message.</summary>
[MemoryDiagnoser]
public class EventsBenchmarks : ClientBenchmarks
{
    /// <summary>The limit: PipeReader + Utf8JsonReader, reading each object's Action.</summary>
    [Benchmark(Baseline = true, Description = "PipeReader + Utf8JsonReader")]
    public async Task<int> HandRolled()
    {
        using var response = await Baseline.GetAsync("/v1.41/events", HttpCompletionOption.ResponseHeadersRead);
        return await HandRolledLoop.CountAsync(PipeReader.Create(await response.Content.ReadAsStreamAsync()), "Action"u8.ToArray());
    }

    [Benchmark(Description = "DockerApi")]
    public async Task<int> DockerApi()
    {
        var count = 0;
        await foreach (var message in OursModern.System.EventsAsync())
        {
            if (message.Action is not null)
                count++;
        }
        return count;
    }

    private static readonly byte[] Concatenated = CannedServer.EventChunks.SelectMany(c => c).ToArray();

    /// <summary>Diagnostic: the runtime's reader on the same bytes in memory, without HTTP or the server beside it.</summary>
    [Benchmark(Description = "JsonStream in memory")]
    public async Task<int> JsonStreamInMemory()
    {
        var count = 0;
        await foreach (var message in global::DockerApi.Streams.JsonStream.ReadAsync(new MemoryStream(Concatenated, writable: false), V141.DockerJsonContext.Default.EventMessage))
        {
            if (message.Action is not null)
                count++;
        }
        return count;
    }

    /// <summary>Diagnostic: the hand-rolled loop on the same bytes in memory.</summary>
    [Benchmark(Description = "hand-rolled in memory")]
    public Task<int> HandRolledInMemory() => HandRolledLoop.CountAsync(PipeReader.Create(new MemoryStream(Concatenated, writable: false)), "Action"u8.ToArray());

    [Benchmark(Description = "Docker.DotNet")]
    public async Task<int> DockerDotNet()
    {
        var counter = new Counter<Message>();
        await DockerDotNetClient.System.MonitorEventsAsync(new ContainerEventsParameters(), counter);
        return counter.Count;
    }

    [Benchmark(Description = "Docker.DotNet.Enhanced")]
    public Task<int> DockerDotNetEnhanced() => Enhanced.EventsAsync();
}
