using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using DockerApi.Build;
using DockerApi.Generated;
using DockerApi.Transport;

namespace DockerApi.Engines;

/// <summary>
/// BuildKit builds with a session: <c>POST /session</c> upgraded to HTTP/2 (<c>h2c</c>), on which the session serves
/// the engine's gRPC calls while the build runs; the build names the session. The headers are BuildKit's.
/// </summary>
internal sealed partial class ModernEngine
{
    private async IAsyncEnumerable<BuildUpdate> SessionBuildAsync(string directory, BuildOptions options, BuildSession session,
        [EnumeratorCancellation] CancellationToken ct)
    {
        BuildContext.EnsureFolder(directory);
        await session.PrepareAsync(directory, options.Dockerfile, ct).ConfigureAwait(false);
        var id = NewSessionId();
        var connection = await OpenSessionAsync(id, directory, session, ct).ConfigureAwait(false);
        using var building = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var serving = Task.Run(() => ServeAsync(session, connection, directory, options.Dockerfile, building, lifetime.Token), CancellationToken.None);
        try
        {
            // A session that syncs the files sends no tar: the engine pulls them from it (the docker CLI's client-session).
            using var context = session.SyncsContext ? null : await BuildContext.TarAsync(directory, options.Dockerfile, ct).ConfigureAwait(false);
            await using var updates = BuildKitAsync(context, options, id, building.Token).GetAsyncEnumerator(building.Token);
            while (true)
            {
                bool more;
                try
                {
                    more = await updates.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (serving.IsCompleted && !ct.IsCancellationRequested)
                {
                    throw new DockerConnectionException("the BuildKit session's connection closed before the build ended", null, "ImageBuild",
                        serving.Exception?.GetBaseException() ?? e);
                }
                if (!more)
                    yield break;
                yield return updates.Current;
            }
        }
        finally
        {
            await lifetime.CancelAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            await serving.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Serves until the engine closes the session or the build is over; a session that ends first (its connection
    /// closed, its server failed) cancels the build, whose connection is then closed, which cancels it on the engine.
    /// </summary>
    private static async Task ServeAsync(BuildSession session, Stream connection, string directory, string dockerfile, CancellationTokenSource building,
        CancellationToken ct)
    {
        try
        {
            await session.ServeAsync(connection, directory, dockerfile, ct).ConfigureAwait(false);
        }
        finally
        {
            if (!ct.IsCancellationRequested)
                await building.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary><c>POST /session</c>: the session's id, name and shared key, and each method it serves, as BuildKit's client sends them.</summary>
    private async Task<Stream> OpenSessionAsync(string id, string directory, BuildSession session, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/session");
        request.Headers.Add("X-Docker-Expose-Session-Uuid", id);
        request.Headers.Add("X-Docker-Expose-Session-Name", SessionName(directory));
        request.Headers.Add("X-Docker-Expose-Session-Sharedkey", SharedKey(directory));
        // Each value is checked for CR/LF/NUL as the hijacked request is written.
        foreach (var method in session.Methods)
            request.Headers.TryAddWithoutValidation("X-Docker-Expose-Session-Grpc-Method", method);
        return await DockerCall.HijackAsync(Http, request, HijackMode.UpgradeH2c, "Session", ct).ConfigureAwait(false);
    }

    /// <summary>A random id, as BuildKit's own (25 base-36 characters).</summary>
    private static string NewSessionId()
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        return string.Create(25, 0, static (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
                chars[i] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        });
    }

    /// <summary>The folder's name, as the docker CLI names a session; <c>context</c> when it is not plain printable ASCII (it goes in a header).</summary>
    private static string SessionName(string directory)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        return name.Length > 0 && name.All(c => c is > ' ' and < '\x7f') ? name : "context";
    }

    /// <summary>
    /// The same for every build of one folder, so the engine's file sync keeps what it copied of the folder before
    /// and asks only for what changed; a hash, so the path itself is not sent.
    /// </summary>
    private static string SharedKey(string directory) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(directory)))).ToLowerInvariant();
}
