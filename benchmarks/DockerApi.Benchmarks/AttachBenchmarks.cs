using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Docker.DotNet;
using Docker.DotNet.Models;
using V12 = DockerApi.V1_2;

namespace DockerApi.Benchmarks;

/// <summary>3. 256 MiB of raw attach output read to its end.</summary>
[MemoryDiagnoser]
public class AttachBenchmarks : ClientBenchmarks
{
    private readonly byte[] _buffer = new byte[81920];

    /// <summary>The limit: a socket, the request written by hand, a read loop.</summary>
    [Benchmark(Baseline = true, Description = "raw Socket")]
    public async Task<long> RawSocket()
    {
        using var socket = await Server.Endpoint.ConnectAsync();
        await socket.SendAsync("POST /v1.2/containers/c/attach?stream=1&stdout=1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        long total = 0;
        int read;
        while ((read = await socket.ReceiveAsync(_buffer, SocketFlags.None)) > 0)
            total += read;
        return total; // the 80-byte head included
    }

    [Benchmark(Description = "DockerApi")]
    public async Task<long> DockerApi()
    {
        await using var stream = await Ours.Containers.AttachAsync("c", stream: true, stdout: true);
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(_buffer)) > 0)
            total += read;
        return total;
    }

    [Benchmark(Description = "Docker.DotNet")]
    public async Task<long> DockerDotNet()
    {
        using var stream = await DockerDotNetClient.Containers.AttachContainerAsync("c", tty: true, new ContainerAttachParameters { Stream = true, Stdout = true });
        return await DockerDotNetOutput.CountAsync(stream, _buffer);
    }
}
