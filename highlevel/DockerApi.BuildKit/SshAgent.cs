namespace DockerApi.BuildKit;

/// <summary>
/// An ssh agent a build's <c>RUN --mount=type=ssh</c> may use (<c>--ssh default</c>, <c>--ssh id=/path/agent.sock</c>):
/// the engine reaches it through the session, read-only: it can list the agent's keys and have it sign, never add or
/// remove a key. The keys stay in the agent; nothing of them enters the image.
/// </summary>
public sealed class SshAgent
{
    /// <summary>The id a Dockerfile names when it names none (<c>--mount=type=ssh</c>).</summary>
    public const string DefaultId = "default";

    private SshAgent(string id, string? socket)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        Socket = socket;
    }

    /// <summary>The agent of <c>SSH_AUTH_SOCK</c>, under the id <c>default</c>.</summary>
    public static SshAgent Default { get; } = new(DefaultId, null);

    /// <summary>The id a Dockerfile names (<c>--mount=type=ssh,id=…</c>).</summary>
    public string Id { get; }

    /// <summary>The agent's unix socket; null for <c>SSH_AUTH_SOCK</c>'s, read when the build starts.</summary>
    public string? Socket { get; }

    /// <summary>The agent listening on <paramref name="socket"/>, under <paramref name="id"/>.</summary>
    public static SshAgent At(string id, string socket)
    {
        ArgumentException.ThrowIfNullOrEmpty(socket);
        return new SshAgent(id, Path.GetFullPath(socket));
    }

    /// <summary>Reads the docker CLI's <c>--ssh</c> form: <c>default</c>, <c>ID</c> (both <c>SSH_AUTH_SOCK</c>'s agent) or <c>ID=SOCKET</c>.</summary>
    /// <exception cref="FormatException">The form is not one of these, or names key files, which this client does not load.</exception>
    public static SshAgent Parse(string spec)
    {
        ArgumentException.ThrowIfNullOrEmpty(spec);
        var equals = spec.IndexOf('=');
        if (equals < 0)
            return spec == DefaultId ? Default : new SshAgent(spec, null);
        var (id, path) = (spec[..equals], spec[(equals + 1)..]);
        if (id.Length == 0 || path.Length == 0 || path.Contains(','))
            throw new FormatException($"--ssh takes default, ID or ID=SOCKET (an agent's socket; key files are not loaded), not '{spec}'");
        return At(id, path);
    }

    /// <summary>The agent's socket: the one named, else <c>SSH_AUTH_SOCK</c>'s.</summary>
    /// <exception cref="DockerConfigException">No socket is named and <c>SSH_AUTH_SOCK</c> is unset.</exception>
    internal string ResolveSocket() =>
        Socket ?? (Environment.GetEnvironmentVariable("SSH_AUTH_SOCK") is { Length: > 0 } agent ? Path.GetFullPath(agent)
            : throw new DockerConfigException($"--ssh {Id} needs an ssh agent, and SSH_AUTH_SOCK is not set", "SSH_AUTH_SOCK"));

    /// <summary>Connects to the agent, as each forwarded connection will.</summary>
    /// <exception cref="DockerConfigException">No agent listens on the socket.</exception>
    internal async Task<System.Net.Sockets.Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var path = ResolveSocket();
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            socket.Dispose();
            throw new DockerConfigException($"--ssh {Id}: no ssh agent answers at {path} ({e.SocketErrorCode})", path, e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SshAgent {{ Id = {Id}, Socket = {Socket ?? "$SSH_AUTH_SOCK"} }}";
}
