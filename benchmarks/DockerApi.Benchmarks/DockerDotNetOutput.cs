namespace DockerApi.Benchmarks;

/// <summary>Docker.DotNet's container output read to its end.</summary>
internal static class DockerDotNetOutput
{
    /// <summary>The bytes of stdout and stderr until the end of <paramref name="stream"/>.</summary>
    public static async Task<long> CountAsync(Docker.DotNet.MultiplexedStream stream, byte[] buffer)
    {
        long total = 0;
        while (true)
        {
            var result = await stream.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None);
            if (result.EOF)
                return total;
            total += result.Count;
        }
    }
}
