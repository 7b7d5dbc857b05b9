using Docker.DotNet;
using Docker.DotNet.Models;
using Docker.DotNet.Unix;

namespace DockerApi.Benchmarks.Enhanced;

/// <summary>
/// The calls the benchmarks make with Docker.DotNet.Enhanced, as static methods over <c>object</c>: the benchmarks
/// bind them as delegates of framework types (EnhancedPeer), since no type of this load context may cross into theirs.
/// </summary>
public static class EnhancedCalls
{
    /// <summary>A client of the unix socket <paramref name="socketUri"/> (<c>unix:///…</c>), built as its README shows.</summary>
    public static object Connect(string socketUri) =>
        new DockerClientBuilder().WithEndpoint(new Uri(socketUri)).WithTransportOptions(new UnixSocketTransportOptions()).Build();

    public static async Task<string?> VersionAsync(object client) => (await ((IDockerClient)client).System.GetVersionAsync()).Version;

    public static async Task<int> ListAsync(object client) =>
        (await ((IDockerClient)client).Containers.ListContainersAsync(new ContainersListParameters { All = true })).Count;

    /// <summary>A pull, its messages counted as they are reported.</summary>
    public static async Task<int> PullAsync(object client)
    {
        var counter = new Counter();
        await ((IDockerClient)client).Images.CreateImageAsync(new ImagesCreateParameters { FromImage = "busybox", Tag = "latest" }, null, counter);
        return counter.Count;
    }

    /// <summary>A container's logs read to their end through the client's MultiplexedStream; returns the bytes of stdout and stderr.</summary>
    public static async Task<long> LogsAsync(object client, byte[] buffer)
    {
        using var stream = await ((IDockerClient)client).Containers.GetContainerLogsAsync("c",
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, CancellationToken.None);
        long total = 0;
        while (true)
        {
            var result = await stream.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None);
            if (result.EOF)
                return total;
            total += result.Count;
        }
    }

    /// <summary><paramref name="count"/> inspects at once; returns how many answered with a running state.</summary>
    public static async Task<int> InspectManyAsync(object client, int count)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(i => ((IDockerClient)client).Containers.InspectContainerAsync("c" + i)));
        return answers.Count(a => a.State?.Running == true);
    }

    /// <summary>An events stream read to its end; returns the messages reported.</summary>
    public static async Task<int> EventsAsync(object client)
    {
        var counter = new EventCounter();
        await ((IDockerClient)client).System.MonitorEventsAsync(new ContainerEventsParameters(), counter);
        return counter.Count;
    }

    public static void Dispose(object client) => ((IDisposable)client).Dispose();

    private sealed class EventCounter : IProgress<Message>
    {
        public int Count;

        public void Report(Message value) => Interlocked.Increment(ref Count);
    }

    private sealed class Counter : IProgress<JSONMessage>
    {
        public int Count;

        public void Report(JSONMessage value) => Interlocked.Increment(ref Count);
    }
}
