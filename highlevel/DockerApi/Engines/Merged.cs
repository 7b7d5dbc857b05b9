using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace DockerApi.Engines;

/// <summary>Two sequences as one: in turn, or as their items arrive.</summary>
internal static class Merged
{
    public static async IAsyncEnumerable<T> InTurn<T>(IAsyncEnumerable<T> first, IAsyncEnumerable<T> second)
    {
        await foreach (var item in first.ConfigureAwait(false))
            yield return item;
        await foreach (var item in second.ConfigureAwait(false))
            yield return item;
    }

    /// <summary>The items of both as they arrive; a failure of either ends the whole with it, and ending early stops both.</summary>
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> first, IAsyncEnumerable<T> second, [EnumeratorCancellation] CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
        var pumps = Task.WhenAll(PumpAsync(first, channel.Writer, stop.Token), PumpAsync(second, channel.Writer, stop.Token));
        _ = pumps.ContinueWith(t => channel.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                yield return item;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await pumps.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped because the reader ended early.
            }
        }
    }

    private static async Task PumpAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, CancellationToken ct)
    {
        await foreach (var item in source.WithCancellation(ct).ConfigureAwait(false))
            await writer.WriteAsync(item, ct).ConfigureAwait(false);
    }
}
