using System.Text.Json;

namespace DockerApi;

/// <summary>What <see cref="Container.InspectAsync"/> says of a container (<c>docker inspect</c>), the same on every engine.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name without the leading <c>/</c>; empty on a 2013 daemon, which had no names.</param>
/// <param name="Image">The id of its image.</param>
/// <param name="State">Where it stands: <c>created</c>, <c>running</c>, <c>paused</c>, <c>restarting</c>, <c>exited</c>, <c>dead</c>.</param>
/// <param name="ExitCode">Its process's exit code once it has ended.</param>
/// <param name="Health">The health check's verdict (<c>starting</c>, <c>healthy</c>, <c>unhealthy</c>); null without a health check.</param>
/// <param name="Tty">Whether it has a TTY (its output is then one stream).</param>
/// <param name="Ports">Its published ports, with the host ports the engine chose.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Raw">The engine's whole answer, for what the properties above leave out.</param>
public sealed record ContainerDetails(string Id, string Name, string Image, string State, long ExitCode, string? Health, bool Tty,
    IReadOnlyList<PublishedPort> Ports, IReadOnlyDictionary<string, string> Labels, JsonElement Raw)
{
    private readonly JsonElement _raw = Raw;
    private readonly Lazy<JsonElement>? _written;

    // The answer is written back to JSON only when Raw is read: most callers want the state, and an inspect's whole
    // document costs more than the rest of the call (measured: 1,000 inspects 1.6× the generated calls' time).
    internal ContainerDetails(string id, string name, string image, string state, long exitCode, string? health, bool tty,
        IReadOnlyList<PublishedPort> ports, IReadOnlyDictionary<string, string> labels, Func<JsonElement> raw)
        : this(id, name, image, state, exitCode, health, tty, ports, labels, default(JsonElement)) => _written = new(raw);

    /// <summary>The engine's whole answer, for what the properties above leave out.</summary>
    public JsonElement Raw
    {
        get => _written?.Value ?? _raw;
        init => (_raw, _written) = (value, null);
    }

    /// <summary>Whether its process runs.</summary>
    public bool Running => State is "running" or "paused" or "restarting";
}
