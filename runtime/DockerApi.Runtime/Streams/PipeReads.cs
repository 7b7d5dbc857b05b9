using System.IO.Pipelines;

namespace DockerApi.Streams;

/// <summary>Reads of the stream readers, with a connection cut mid-stream reported as a protocol error.</summary>
internal static class PipeReads
{
    public static async ValueTask<ReadResult> ReadAsync(PipeReader reader, string? operation, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new DockerProtocolException($"the connection ended before the stream was complete: {e.Message}", operation, e);
        }
    }
}
