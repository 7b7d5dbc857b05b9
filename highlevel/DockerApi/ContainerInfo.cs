namespace DockerApi;

/// <summary>One container of <see cref="DockerContainers.ListAsync"/>, as <c>docker ps</c> shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Names">Its names, without the leading <c>/</c> (none on a 2013 daemon, which had no names).</param>
/// <param name="Image">The image it was created from.</param>
/// <param name="State">Where it stands: <c>created</c>, <c>running</c>, <c>paused</c>, <c>exited</c>…</param>
/// <param name="Status">The engine's text for people: <c>Up 5 minutes</c>, <c>Exited (3) 2 seconds ago</c>.</param>
/// <param name="Labels">Its labels (none on a 2013 daemon).</param>
public sealed record ContainerInfo(string Id, IReadOnlyList<string> Names, string Image, string State, string Status, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Its command line, as the engine shows it.</summary>
    public string Command { get; init; } = "";

    /// <summary>When it was created.</summary>
    public DateTimeOffset? Created { get; init; }
}
