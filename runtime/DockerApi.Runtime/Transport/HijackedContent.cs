using System.Net;
using DockerApi.Transport;

namespace DockerApi.Transport;

/// <summary>The content of a hijacked response: the connection itself, not a copy of it.</summary>
internal sealed class HijackedContent(DockerHijackedStream stream) : HttpContent
{
    public DockerHijackedStream Stream { get; } = stream;

    protected override Task SerializeToStreamAsync(System.IO.Stream target, TransportContext? context) => Stream.CopyToAsync(target);

    protected override Task SerializeToStreamAsync(System.IO.Stream target, TransportContext? context, CancellationToken cancellationToken) =>
        Stream.CopyToAsync(target, cancellationToken);

    protected override Task<System.IO.Stream> CreateContentReadStreamAsync() => Task.FromResult<System.IO.Stream>(Stream);

    protected override Task<System.IO.Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult<System.IO.Stream>(Stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Stream.Dispose();
        base.Dispose(disposing);
    }
}
