namespace DockerApi.Build;

/// <summary>
/// The client's side of a BuildKit session: what the engine may ask for during a build (secrets, registry
/// credentials, an ssh agent, the context's files), served as gRPC over the connection of <c>POST /session</c>. This
/// package opens that connection; the server comes from a package that has one (<c>DockerApi.BuildKit</c>'s
/// <c>BuildKitSession</c>), so that a client without it does not carry an HTTP/2 server.
/// </summary>
public abstract class BuildSession
{
    /// <summary>The gRPC methods the session serves, as paths (<c>/moby.buildkit.secrets.v1.Secrets/GetSecret</c>); the engine calls no other.</summary>
    protected internal abstract IReadOnlyList<string> Methods { get; }

    /// <summary>
    /// Checks before anything is sent that what the session offers can be served (a secret's file readable, its variable
    /// set); throws a <see cref="DockerException"/> that says what is missing.
    /// </summary>
    /// <param name="directory">The build's context folder.</param>
    /// <param name="dockerfile">The Dockerfile, relative to <paramref name="directory"/>.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    protected internal abstract Task PrepareAsync(string directory, string dockerfile, CancellationToken cancellationToken);

    /// <summary>
    /// Serves the engine's calls on <paramref name="connection"/> (HTTP/2, the engine the client) until the engine closes
    /// it or <paramref name="cancellationToken"/> is cancelled; returns then.
    /// </summary>
    protected internal abstract Task ServeAsync(Stream connection, CancellationToken cancellationToken);
}
