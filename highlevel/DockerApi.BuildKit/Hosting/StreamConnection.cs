using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace DockerApi.BuildKit.Hosting;

/// <summary>The session's one connection, as Kestrel takes a connection: the upgraded stream of <c>POST /session</c> as a duplex pipe.</summary>
internal sealed class StreamConnection : ConnectionContext, IDuplexPipe
{
    private readonly Stream _stream;
    private readonly CancellationTokenSource _closed = new();
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamConnection(Stream stream)
    {
        _stream = stream;
        Input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>Completes when Kestrel is done with the connection: the engine closed it, or the server stopped.</summary>
    public Task Closed => _disposed.Task;

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public override string ConnectionId { get; set; } = "buildkit-session";

    public override IFeatureCollection Features { get; } = new FeatureCollection();

    public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

    public override IDuplexPipe Transport { get => this; set => throw new NotSupportedException(); }

    public override CancellationToken ConnectionClosed { get => _closed.Token; set => throw new NotSupportedException(); }

    public override void Abort(ConnectionAbortedException abortReason)
    {
        _closed.Cancel();
        // Closing the stream ends the pending read, which ends Kestrel's loop over the connection.
        _stream.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        await Input.CompleteAsync().ConfigureAwait(false);
        await Output.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _closed.Dispose();
        _disposed.TrySetResult();
    }
}
