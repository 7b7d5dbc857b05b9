namespace DockerApi;

/// <summary>Something that happened on the engine (<c>docker events</c>): a container started, an image was pulled…</summary>
/// <param name="Type">What it happened to: <c>container</c>, <c>image</c>, <c>network</c>, <c>volume</c>, <c>daemon</c>…</param>
/// <param name="Action">What happened: <c>create</c>, <c>start</c>, <c>die</c>, <c>destroy</c>, <c>pull</c>, <c>health_status: healthy</c>…</param>
/// <param name="ActorId">The id of what it happened to (a container's, an image's name).</param>
/// <param name="Attributes">What the engine says besides: a container's <c>image</c>, <c>name</c>, <c>exitCode</c> and labels.</param>
/// <param name="Time">When.</param>
public sealed record DockerEvent(string Type, string Action, string ActorId, IReadOnlyDictionary<string, string> Attributes, DateTimeOffset Time);
