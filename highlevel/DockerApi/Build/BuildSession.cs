namespace DockerApi.Build;

/// <summary>
/// The client's side of a BuildKit session: what the engine may ask for during a build (secrets, registry
/// credentials, an ssh agent, the build's files), served as gRPC over the connection of <c>POST /session</c>. This
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
    /// True when the session sends the build's files itself, by BuildKit's file sync: the build then sends no tar, and
    /// the engine pulls the folders <c>context</c> and <c>dockerfile</c> from the session (<c>remote=client-session</c>),
    /// only what its copy from an earlier build lacks, as the docker CLI builds a folder.
    /// </summary>
    protected internal virtual bool SyncsContext => false;

    /// <summary>
    /// Serves the engine's calls on <paramref name="connection"/> (HTTP/2, the engine the client) until the engine closes
    /// it or <paramref name="cancellationToken"/> is cancelled; returns then.
    /// </summary>
    /// <param name="connection">The upgraded connection of <c>POST /session</c>.</param>
    /// <param name="directory">The build's context folder.</param>
    /// <param name="dockerfile">The Dockerfile, relative to <paramref name="directory"/>.</param>
    /// <param name="cancellationToken">Ends the serving.</param>
    protected internal abstract Task ServeAsync(Stream connection, string directory, string dockerfile, CancellationToken cancellationToken);
}
