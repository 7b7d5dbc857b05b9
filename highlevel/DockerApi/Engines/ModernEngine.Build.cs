using System.Runtime.CompilerServices;
using System.Text.Json;
using DockerApi.Build;
using DockerApi.Build.BuildKit;
using DockerApi.Generated;
using DockerApi.Latest;
using DockerApi.Requests;

namespace DockerApi.Engines;

/// <summary>A modern engine's builds: the legacy builder, or BuildKit, chosen as the docker CLI chooses.</summary>
internal sealed partial class ModernEngine
{
    public async IAsyncEnumerable<BuildUpdate> BuildAsync(string directory, BuildOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        var buildKit = await UsesBuildKitAsync(options.Session is null ? options.Builder : Builder.BuildKit, ct).ConfigureAwait(false);
        if (options.Session is { } session)
        {
            await foreach (var update in SessionBuildAsync(directory, options, session, ct).ConfigureAwait(false))
                yield return update;
            yield break;
        }
        using var context = await BuildContext.TarAsync(directory, options.Dockerfile, ct).ConfigureAwait(false);
        var updates = buildKit ? BuildKitAsync(context, options, null, ct) : LegacyBuildAsync(context, options, ct);
        await foreach (var update in updates.ConfigureAwait(false))
            yield return update;
    }

    /// <summary>The docker CLI's rule: <c>DOCKER_BUILDKIT</c> when set, else what the engine's <c>/_ping</c> says (<c>Builder-Version: 2</c>).</summary>
    private async Task<bool> UsesBuildKitAsync(Builder builder, CancellationToken ct)
    {
        if (builder == Builder.Auto && Environment.GetEnvironmentVariable("DOCKER_BUILDKIT") is { Length: > 0 } chosen)
            builder = chosen is "1" or "true" or "True" or "TRUE" ? Builder.BuildKit : Builder.Legacy;
        if (builder == Builder.Auto)
        {
            using var ping = await Http.GetAsync("/_ping", ct).ConfigureAwait(false);
            builder = ping.Headers.TryGetValues("Builder-Version", out var values) && values.Contains("2") ? Builder.BuildKit : Builder.Legacy;
        }
        if (builder == Builder.BuildKit && Transport.ApiVersion.Parse(ApiVersion) < new Transport.ApiVersion(1, 39))
            throw new Transport.DockerVersionException("ImageBuild (BuildKit)", "1.39", ApiVersion);
        return builder == Builder.BuildKit;
    }

    /// <summary>The connection the generated clients share, for the one request their typed stream cannot read (BuildKit's build).</summary>
    private HttpClient Http => ((ImageApiClient)Client.Images).Client;

    /// <summary>
    /// <c>POST /build?version=2</c> with the tar context, in the session <paramref name="sessionId"/> if any: its lines are BuildKit's progress (<c>moby.buildkit.trace</c>, base64
    /// protobuf in <c>aux</c>), the image's id (<c>moby.image.id</c>), or an error. Leaving early (cancellation, a bad
    /// message) closes the connection, which cancels the build on the engine. Without a tar the session syncs the files:
    /// the engine pulls the context and the Dockerfile's folder from it, the Dockerfile named within that folder.
    /// </summary>
    private async IAsyncEnumerable<BuildUpdate> BuildKitAsync(Stream? context, BuildOptions options, string? sessionId, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = new QueryString();
        query.Add("version", "2");
        query.Add("session", sessionId);
        query.Add("remote", context is null ? "client-session" : null);
        query.Add("dockerfile", context is null ? Path.GetFileName(options.Dockerfile.Replace('\\', '/')) : options.Dockerfile);
        query.Add("t", options.Tag);
        query.Add("nocache", DockerQuery.Word(options.NoCache ? true : null));
        query.Add("pull", options.Pull ? "1" : null);
        query.Add("buildargs", Json(options.BuildArgs));
        query.Add("labels", Json(options.Labels));
        query.Add("networkmode", options.Network);
        query.Add("target", options.Target);
        query.Add("rm", "true");
        var request = new HttpRequestMessage(HttpMethod.Post, query.AppendTo("/build")) { Content = context is null ? null : DockerContent.Tar(context) };
        var body = await DockerCall.SendStreamAsync(Http, request, "ImageBuild", ct).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var trace = new BuildKitTrace();
            string? id = null;
            await foreach (var line in Streams.JsonStream.ReadAsync(body, HighLevelJson.Default.JsonElement, null, null, "ImageBuild", ct).ConfigureAwait(false))
            {
                if (ErrorOf(line) is { } error)
                    throw new DockerStreamException(trace.Describe(error), "ImageBuild");
                var kind = line.TryGetProperty("id", out var which) && which.ValueKind == JsonValueKind.String ? which.GetString() : null;
                // An engine that builds without BuildKit all the same (Podman) answers as the legacy builder does.
                if (line.TryGetProperty("stream", out var text) && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 } said)
                    yield return new BuildUpdate([], [], [], [], said.TrimEnd('\n'), null);
                if (!line.TryGetProperty("aux", out var aux))
                    continue;
                if (kind == "moby.buildkit.trace" && aux.ValueKind == JsonValueKind.String)
                    yield return trace.Decode(aux.GetString()!);
                else if (kind is "moby.image.id" or null && aux.ValueKind == JsonValueKind.Object && aux.TryGetProperty("ID", out var built) && built.ValueKind == JsonValueKind.String)
                    id = built.GetString();
            }
            yield return new BuildUpdate([], [], [], [], null, id ?? throw new DockerProtocolException("the BuildKit build ended without naming the image it built", "ImageBuild"));
        }
    }

    /// <summary>A line's error: <c>error</c>, else <c>errorDetail.message</c>.</summary>
    private static string? ErrorOf(JsonElement line) =>
        line.ValueKind != JsonValueKind.Object ? throw new DockerProtocolException($"a build message is {line.ValueKind}, not an object", "ImageBuild")
        : line.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String && error.GetString() is { Length: > 0 } text ? text
        : line.TryGetProperty("errorDetail", out var detail) && detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("message", out var message)
            && message.ValueKind == JsonValueKind.String ? message.GetString()
        : null;
}
