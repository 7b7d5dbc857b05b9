using DockerApi.Transport.Connections;

namespace DockerApi.Transport.Schemes;

/// <summary>ssh to a host whose <c>docker system dial-stdio</c> reaches its daemon: <c>ssh://[user@]host[:port]</c>.</summary>
internal sealed class SshScheme : EndpointScheme
{
    public override IReadOnlyList<string> Names { get; } = ["ssh"];

    public override string Form => "ssh://[user@]host[:port]";

    public override DockerEndpointKind Kind => DockerEndpointKind.Ssh;

    public override bool TryParse(string scheme, string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DockerEndpoint? endpoint, out string? error)
    {
        (endpoint, error) = (null, null);
        // A password in the endpoint is refused: ssh takes keys and agents, and the text would travel into logs.
        if (!Authority.TryRead(value, out var uri, out var explicitPort) || uri.UserInfo.Contains(':', StringComparison.Ordinal))
            return false;
        var user = uri.UserInfo.Length > 0 ? Uri.UnescapeDataString(uri.UserInfo) : null;
        endpoint = new DockerEndpoint(this, Authority.Host(uri), explicitPort ? uri.Port : 0, user: user);
        return true;
    }

    public override string Format(DockerEndpoint endpoint) =>
        $"ssh://{(endpoint.User is null ? "" : endpoint.User + "@")}{Authority.Bracketed(endpoint.Host)}{(endpoint.Port > 0 ? $":{endpoint.Port}" : "")}";

    public override ValueTask<ConnectionStream> OpenAsync(DockerEndpoint endpoint, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SshConnection.Open(endpoint, DockerEnvironment.Current));
}
