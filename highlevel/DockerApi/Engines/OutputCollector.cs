using DockerApi.Streams;
using DockerApi.Transport;

namespace DockerApi.Engines;

/// <summary>Reads an attached or exec'd process's output to its end, writing its input meanwhile.</summary>
internal static class OutputCollector
{
    /// <summary>
    /// Both streams of <paramref name="output"/> as bytes. <paramref name="input"/>, when given, is written to the
    /// connection and its sending side closed while the output is read, so that neither side waits for the other.
    /// </summary>
    public static async Task<(byte[] Stdout, byte[] Stderr)> CollectAsync(MultiplexedStream output, ReadOnlyMemory<byte>? input, CancellationToken ct)
    {
        var writing = input is { } bytes ? WriteAndCloseAsync(output, bytes, ct) : Task.CompletedTask;
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        await output.CopyOutputToAsync(stdout, stderr, ct).ConfigureAwait(false);
        await writing.ConfigureAwait(false);
        return (stdout.ToArray(), stderr.ToArray());
    }

    private static async Task WriteAndCloseAsync(MultiplexedStream output, ReadOnlyMemory<byte> input, CancellationToken ct)
    {
        var connection = output.Inner as DockerHijackedStream
            ?? throw new InvalidOperationException("input needs the attached connection, and this output has none");
        await connection.WriteAsync(input, ct).ConfigureAwait(false);
        await connection.FlushAsync(ct).ConfigureAwait(false);
        connection.CloseWrite();
    }
}
