using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Docker.DotNet;
using Docker.DotNet.Models;
using V12 = DockerApi.V1_2;

namespace DockerApi.Benchmarks;

/// <summary>2. A pull progress stream of 100,000 JSON objects, consumed message by message.</summary>
[MemoryDiagnoser]
public class ProgressBenchmarks : ClientBenchmarks
{

    /// <summary>The limit: PipeReader + Utf8JsonReader, reading each object's status.</summary>
    [Benchmark(Baseline = true, Description = "PipeReader + Utf8JsonReader")]
    public async Task<int> HandRolled()
    {
        using var response = await Baseline.PostAsync("/v1.41/images/create?fromImage=busybox", null);
        return await CountAsync(PipeReader.Create(await response.Content.ReadAsStreamAsync()));
    }

    private static async Task<int> CountAsync(PipeReader reader)
    {
        var count = 0;
        while (true)
        {
            var result = await reader.ReadAsync();
            var (consumed, messages) = Scan(result.Buffer, result.IsCompleted);
            count += messages;
            reader.AdvanceTo(consumed, result.Buffer.End);
            if (result.IsCompleted)
                break;
        }
        await reader.CompleteAsync();
        return count;
    }

    private static readonly JsonReaderOptions Multiple = new() { AllowMultipleValues = true };

    // Each read starts at an object boundary, so a fresh reader state per read is enough.
    private static (SequencePosition Consumed, int Messages) Scan(ReadOnlySequence<byte> buffer, bool final)
    {
        var json = new Utf8JsonReader(buffer, final, new JsonReaderState(Multiple));
        var messages = 0;
        var consumed = buffer.Start;
        string? status = null;
        while (json.Read())
        {
            if (json.TokenType == JsonTokenType.PropertyName && json.CurrentDepth == 1 && json.ValueTextEquals("status"u8))
            {
                if (!json.Read())
                    break;
                status = json.GetString();
            }
            else if (json.TokenType == JsonTokenType.EndObject && json.CurrentDepth == 0)
            {
                messages++;
                consumed = json.Position;
            }
        }
        _ = status;
        return (consumed, messages);
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
    public Task<int> HandRolledInMemory() => CountAsync(PipeReader.Create(new MemoryStream(Concatenated, writable: false)));

    [Benchmark(Description = "Docker.DotNet")]
    public async Task<int> DockerDotNet()
    {
        var counter = new Counter();
        await DockerDotNetClient.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = "busybox", Tag = "latest" }, null, counter);
        return counter.Count;
    }

    [Benchmark(Description = "Docker.DotNet.Enhanced")]
    public Task<int> DockerDotNetEnhanced() => Enhanced.PullAsync();

    private sealed class Counter : IProgress<JSONMessage>
    {
        public int Count;

        public void Report(JSONMessage value) => Interlocked.Increment(ref Count);
    }
}
