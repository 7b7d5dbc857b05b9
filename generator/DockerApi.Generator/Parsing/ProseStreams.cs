using System.Collections.Generic;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// The streams Docker's published descriptions (API 1.25 and later) give only in prose, by operationId. An
/// operation with an <c>x-docker-stream</c> of its own never looks here. Documented in spec/README.md.
/// </summary>
internal static class ProseStreams
{
    /// <param name="Stream">How the answer is read, as the operation's <c>x-docker-stream</c> would say.</param>
    /// <param name="Message">The definition of one message of a JSON stream; null: the success response's schema.</param>
    /// <param name="Needs">
    /// Set for an operation whose connection this client cannot speak (generating it would make a method that always
    /// fails): what it would need.
    /// </param>
    internal sealed record Entry(ResultKind Stream, string? Message = null, string? Needs = null);

    private static Entry NotGenerated(string needs) => new(ResultKind.None, Needs: needs);

    public static readonly IReadOnlyDictionary<string, Entry> ByOperationId = new Dictionary<string, Entry>
    {
        // "POST /containers/{id}/attach … upgrades to tcp" and "exec start … hijacks like attach": 101 UPGRADED,
        // then raw bytes both ways, multiplexed with 8-byte headers unless the container has a TTY.
        ["ContainerAttach"] = new(ResultKind.HijackUpgrade),
        ["ExecStart"] = new(ResultKind.HijackUpgrade),
        // jsonmessage.JSONMessage values, one after another; an {"error":…} ends a failed operation with status 200.
        ["ImageCreate"] = new(ResultKind.JsonProgress, "CreateImageInfo"),
        ["ImagePush"] = new(ResultKind.JsonProgress, "PushImageInfo"),
        ["ImageBuild"] = new(ResultKind.JsonProgress, "BuildInfo"),
        ["ImageLoad"] = new(ResultKind.JsonProgress, "BuildInfo"),
        // One JSON value per event or per stats sample for as long as the connection is open.
        ["SystemEvents"] = new(ResultKind.JsonProgress),
        ["ContainerStats"] = new(ResultKind.JsonProgress),
        // Connections of other protocols after the upgrade; ContainerAttach gives attach's streams over plain TCP.
        ["ContainerAttachWebsocket"] = NotGenerated("a WebSocket client; ContainerAttach gives the same streams over an upgraded connection"),
        ["Session"] = NotGenerated("an HTTP/2 (h2c) connection for BuildKit sessions"),
        // Tar archives with no schema in the published file.
        ["ContainerExport"] = new(ResultKind.Binary),
        ["ContainerArchive"] = new(ResultKind.Binary),
    };
}
