using System.Text.Json;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>
/// One area of the API (containers, images, build, …): registers its routes over the shared
/// <see cref="DaemonState"/> and answers as the daemon's handlers did.
/// </summary>
internal abstract class RouteArea(DaemonState state)
{
    protected DaemonState State { get; } = state;

    protected Graph Graph => State.Graph;

    public abstract void Register(Router router);

    protected static Task Json(RouteContext c, int status, Action<Utf8JsonWriter> write, string contentType = "application/json") =>
        c.Response.WriteAsync(status, contentType, GoJson.Write(write), c.Cancellation);

    protected static Task Empty(RouteContext c, int status) => c.Response.WriteAsync(status, null, [], c.Cancellation);

    /// <summary>The body as JSON, or null when there is none; syntax errors in the words of Go's decoder.</summary>
    protected static JsonElement? ParseBody(RouteContext c)
    {
        if (c.Request.Body.Length == 0)
            return null;
        if (GoJsonSyntax.Check(c.Request.Body) is { } error)
            throw new DaemonException(error);
        // The first value only, as Go's Decode reads it: what follows it is not looked at.
        var reader = new Utf8JsonReader(c.Request.Body);
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>The body as a JSON object, failing as Go's decoder did for anything else.</summary>
    protected static JsonElement RequireObject(RouteContext c, string goType)
    {
        var body = ParseBody(c) ?? throw new DaemonException("EOF");
        return body.ValueKind == JsonValueKind.Object
            ? body
            : throw new DaemonException($"json: cannot unmarshal {body.ValueKind.ToString().ToLowerInvariant()} into Go value of type {goType}");
    }

    /// <summary>A string member matched as Go's decoder matches names (without case); "" when absent.</summary>
    protected static string Str(JsonElement body, string key) =>
        body.ValueKind == JsonValueKind.Object && body.EnumerateObject().FirstOrDefault(p => p.Name.Equals(key, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } p
            ? p.Value.GetString()!
            : "";
}
