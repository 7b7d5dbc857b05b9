using System.IO.Pipes;
using System.Text.RegularExpressions;
using DockerApi.Transport.Connections;

namespace DockerApi.Transport.Schemes;

/// <summary>A Windows named pipe: <c>npipe:////./pipe/docker_engine</c> (Docker's form) or <c>npipe://./pipe/docker_engine</c>.</summary>
internal sealed partial class PipeScheme : EndpointScheme
{
    public override IReadOnlyList<string> Names { get; } = ["npipe"];

    public override string Form => "npipe:////./pipe/name";

    public override DockerEndpointKind Kind => DockerEndpointKind.NamedPipe;

    public override bool TryParse(string scheme, string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DockerEndpoint? endpoint, out string? error)
    {
        // A server ('.' is this machine) and a name.
        var match = Path().Match(value["npipe:".Length..]);
        if (!match.Success)
        {
            (endpoint, error) = (null, "a named pipe is npipe:////./pipe/<name> (or npipe:////<server>/pipe/<name>)");
            return false;
        }
        (endpoint, error) = (new DockerEndpoint(this, match.Groups[1].Value, 0, pipeName: match.Groups[2].Value), null);
        return true;
    }

    public override string Format(DockerEndpoint endpoint) => $"npipe:////{endpoint.Host}/pipe/{endpoint.PipeName}";

    public override async ValueTask<ConnectionStream> OpenAsync(DockerEndpoint endpoint, CancellationToken cancellationToken)
    {
        var pipe = new NamedPipeClientStream(endpoint.Host, endpoint.PipeName!, PipeDirection.InOut, PipeOptions.Asynchronous);
        try
        {
            await pipe.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await pipe.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        // A pipe has no half-close that .NET can send (the docker CLI uses a zero-length message of Windows' pipes).
        return new ConnectionStream(pipe, pipe, () => throw new NotSupportedException("a named pipe connection cannot be half-closed; close the connection instead"));
    }

    [GeneratedRegex(@"^/{2,4}([^/]+)/pipe/([^/]+)$")]
    private static partial Regex Path();
}
