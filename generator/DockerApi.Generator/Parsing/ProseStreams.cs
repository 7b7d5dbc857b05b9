using System.Collections.Generic;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// The streams Docker's published descriptions (API 1.25 and later) give only in prose, by operationId. An
/// operation with an <c>x-docker-stream</c> of its own never looks here. Documented in spec/README.md.
/// </summary>
internal static class ProseStreams
{
    /// <param name="Stream">The <c>x-docker-stream</c> the operation would carry, or <see cref="NotGenerated"/>.</param>
    /// <param name="Message">The definition of one message of a JSON stream; null: the success response's schema.</param>
    /// <param name="Needs">For an operation not generated: what it would need.</param>
    internal sealed record Entry(string Stream, string? Message = null, string? Needs = null);

    /// <summary>An operation whose connection this client cannot speak: generating it would make a method that always fails.</summary>
    public const string NotGenerated = "not-generated";

    public static readonly IReadOnlyDictionary<string, Entry> ByOperationId = new Dictionary<string, Entry>
    {
        // "POST /containers/{id}/attach … upgrades to tcp" and "exec start … hijacks like attach": 101 UPGRADED,
        // then raw bytes both ways, multiplexed with 8-byte headers unless the container has a TTY.
        ["ContainerAttach"] = new("hijack-upgrade"),
        ["ExecStart"] = new("hijack-upgrade"),
        // jsonmessage.JSONMessage values, one after another; an {"error":…} ends a failed operation with status 200.
        ["ImageCreate"] = new("json-progress", "CreateImageInfo"),
        ["ImagePush"] = new("json-progress", "PushImageInfo"),
        ["ImageBuild"] = new("json-progress", "BuildInfo"),
        ["ImageLoad"] = new("json-progress", "BuildInfo"),
        // One JSON value per event or per stats sample for as long as the connection is open.
        ["SystemEvents"] = new("json-progress"),
        ["ContainerStats"] = new("json-progress"),
        // Connections of other protocols after the upgrade; ContainerAttach gives attach's streams over plain TCP.
        ["ContainerAttachWebsocket"] = new(NotGenerated, Needs: "a WebSocket client; ContainerAttach gives the same streams over an upgraded connection"),
        ["Session"] = new(NotGenerated, Needs: "an HTTP/2 (h2c) connection for BuildKit sessions"),
        // Tar archives with no schema in the published file.
        ["ContainerExport"] = new("binary"),
        ["ContainerArchive"] = new("binary"),
    };
}
