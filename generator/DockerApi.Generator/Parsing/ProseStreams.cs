using System.Collections.Generic;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// The streams Docker's published descriptions (API 1.25 and later) give only in prose, by operationId. An
/// operation with an <c>x-docker-stream</c> of its own never looks here. Documented in spec/README.md.
/// </summary>
internal static class ProseStreams
{
    /// <param name="Stream">The <c>x-docker-stream</c> the operation would carry.</param>
    /// <param name="Message">The definition of one message of a JSON stream; null: the success response's schema.</param>
    internal sealed record Entry(string Stream, string? Message = null);

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
        // Tar archives with no schema in the published file.
        ["ContainerExport"] = new("binary"),
        ["ContainerArchive"] = new("binary"),
    };
}
