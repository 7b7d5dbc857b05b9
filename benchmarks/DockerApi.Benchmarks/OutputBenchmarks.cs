using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Docker.DotNet.Models;
using DockerApi.Streams;
using DockerApi.V1_41;

namespace DockerApi.Benchmarks;

/// <summary>5. 256 MiB of multiplexed container output (logs) read to its end.</summary>
[MemoryDiagnoser]
public class OutputBenchmarks : ClientBenchmarks
{
    private readonly byte[] _buffer = new byte[81920];
    private readonly byte[] _header = new byte[8];

    /// <summary>The limit: the response stream, each frame's header and payload read by hand.</summary>
    [Benchmark(Baseline = true, Description = "hand-rolled frame loop")]
    public async Task<long> HandRolled()
    {
        using var response = await Baseline.GetAsync("/v1.41/containers/c/logs?stdout=1&stderr=1", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        long total = 0;
        while (await ReadFullyAsync(stream, _header, 8))
        {
            var left = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(4));
            while (left > 0)
            {
                var read = await stream.ReadAsync(_buffer.AsMemory(0, Math.Min(left, _buffer.Length)));
                if (read == 0)
                    throw new EndOfStreamException();
                left -= read;
                total += read;
            }
        }
        return total;
    }

    private static async Task<bool> ReadFullyAsync(Stream stream, byte[] buffer, int count)
    {
        var filled = 0;
        while (filled < count)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled, count - filled));
            if (read == 0)
                return filled == 0 ? false : throw new EndOfStreamException();
            filled += read;
        }
        return true;
    }

    [Benchmark(Description = "DockerApi ReadAsync")]
    public async Task<long> DockerApiRead()
    {
        await using var output = await OursModern.Containers.LogsOutputAsync("c", stdout: true, stderr: true);
        long total = 0;
        while (await output.ReadAsync(_buffer) is { Count: > 0 } result)
            total += result.Count;
        return total;
    }

    [Benchmark(Description = "DockerApi CopyOutputToAsync")]
    public async Task<long> DockerApiCopy()
    {
        await using var output = await OursModern.Containers.LogsOutputAsync("c", stdout: true, stderr: true);
        var stdout = new CountingStream();
        var stderr = new CountingStream();
        await output.CopyOutputToAsync(stdout, stderr);
        return stdout.Length + stderr.Length;
    }

    [Benchmark(Description = "DockerApi AsStream")]
    public async Task<long> DockerApiAsStream()
    {
        await using var output = await OursModern.Containers.LogsOutputAsync("c", stdout: true, stderr: true);
        var stderr = new CountingStream();
        using var stdout = output.AsStream(StdStream.Stdout, stderr);
        long total = 0;
        int read;
        while ((read = await stdout.ReadAsync(_buffer)) > 0)
            total += read;
        return total + stderr.Length;
    }

    /// <summary>Lines, not bytes: returns the number of lines (one string each).</summary>
    [Benchmark(Description = "DockerApi ReadLinesAsync (lines)")]
    public async Task<long> DockerApiLines()
    {
        await using var output = await OursModern.Containers.LogsOutputAsync("c", stdout: true, stderr: true);
        long lines = 0;
        await foreach (var _ in output.ReadLinesAsync())
            lines++;
        return lines;
    }

    [Benchmark(Description = "Docker.DotNet")]
    public async Task<long> DockerDotNet()
    {
        using var stream = await DockerDotNetClient.Containers.GetContainerLogsAsync("c", tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, CancellationToken.None);
        return await DockerDotNetOutput.CountAsync(stream, _buffer);
    }

    [Benchmark(Description = "Docker.DotNet.Enhanced")]
    public Task<long> DockerDotNetEnhanced() => Enhanced.LogsAsync(_buffer);

    /// <summary>A sink that counts what is written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
