using System.Collections.Generic;
using System.Linq;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// The streams Docker's published descriptions (API 1.25 and later) give only in prose, by route and by operationId
/// (a route keeps its stream when Docker renames its operation: 1.25's <c>ContainerGetArchive</c> is the later
/// <c>ContainerArchive</c>), in the words of the extensions. The import tool writes them into the shipped files, so
/// the generator looks here only for a copy of Docker's file of the user's own; an operation with an
/// <c>x-docker-stream</c> of its own never looks. spec/README.md lists it (a test keeps the two equal).
/// </summary>
internal static class ProseStreams
{
    /// <param name="Route">The method and path template, as <c>GET /containers/{id}/logs</c>.</param>
    /// <param name="OperationId">Docker's operationId of the route in the newest published file.</param>
    /// <param name="Stream">How the answer is read, as the operation's <c>x-docker-stream</c> would say; null for one not generated.</param>
    /// <param name="Message">The definition of one message of a JSON stream; null: the success response's schema.</param>
    /// <param name="Needs">
    /// Set for an operation whose connection this client cannot speak (generating it would make a method that always
    /// fails): what it would need.
    /// </param>
    /// <param name="Framing">How the bytes of a binary answer are framed, as <c>x-docker-framing</c> would say.</param>
    internal sealed record Entry(string Route, string OperationId, string? Stream, string? Message = null, string? Needs = null, string? Framing = null);

    private static Entry NotGenerated(string route, string id, string needs) => new(route, id, null, Needs: needs);

    private static Entry Logs(string route, string id) => new(route, id, "binary", Framing: "multiplexed");

    public static readonly IReadOnlyList<Entry> All = new[]
    {
        // "POST /containers/{id}/attach … upgrades to tcp" and "exec start … hijacks like attach": 101 UPGRADED,
        // then raw bytes both ways, multiplexed with 8-byte headers unless the container has a TTY.
        new Entry("POST /containers/{id}/attach", "ContainerAttach", "hijack-upgrade"),
        new Entry("POST /exec/{id}/start", "ExecStart", "hijack-upgrade"),
        // Logs: the same 8-byte frames as attach (raw when the container has a TTY), for as long as `follow` holds.
        Logs("GET /containers/{id}/logs", "ContainerLogs"),
        Logs("GET /services/{id}/logs", "ServiceLogs"),
        Logs("GET /tasks/{id}/logs", "TaskLogs"),
        // jsonmessage.JSONMessage values, one after another; an {"error":…} ends a failed operation with status 200.
        new Entry("POST /images/create", "ImageCreate", "json-progress", "CreateImageInfo"),
        new Entry("POST /images/{name}/push", "ImagePush", "json-progress", "PushImageInfo"),
        new Entry("POST /build", "ImageBuild", "json-progress", "BuildInfo"),
        new Entry("POST /images/load", "ImageLoad", "json-progress", "BuildInfo"),
        // One JSON value per event or per stats sample for as long as the connection is open; no error among them.
        new Entry("GET /events", "SystemEvents", "json-values"),
        new Entry("GET /containers/{id}/stats", "ContainerStats", "json-values"),
        // Connections of other protocols after the upgrade; ContainerAttach gives attach's streams over plain TCP.
        NotGenerated("GET /containers/{id}/attach/ws", "ContainerAttachWebsocket", "a WebSocket client; ContainerAttach gives the same streams over an upgraded connection"),
        NotGenerated("POST /session", "Session", "an HTTP/2 (h2c) connection for BuildKit sessions"),
        // Tar archives with no schema in the published file.
        new Entry("GET /containers/{id}/export", "ContainerExport", "binary"),
        new Entry("GET /containers/{id}/archive", "ContainerArchive", "binary"),
    };

    private static readonly Dictionary<string, Entry> ByRoute = All.ToDictionary(e => e.Route);
    private static readonly Dictionary<string, Entry> ById = All.ToDictionary(e => e.OperationId);

    /// <summary>The entry of the route <paramref name="method"/> <paramref name="path"/>, else of the operationId; null for neither.</summary>
    public static Entry? Find(string method, string path, string operationId) =>
        ByRoute.TryGetValue(method.ToUpperInvariant() + " " + path, out var entry) || ById.TryGetValue(operationId, out entry) ? entry : null;
}
