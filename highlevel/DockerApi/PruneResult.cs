namespace DockerApi;

/// <summary>What a prune removed (<c>docker container prune</c>, <c>image prune</c>, <c>network prune</c>, <c>volume prune</c>).</summary>
/// <param name="Deleted">The ids (images: <c>Untagged: …</c> and <c>Deleted: …</c> lines; networks and volumes: names) of what went.</param>
/// <param name="SpaceReclaimed">The bytes given back; 0 for networks.</param>
public sealed record PruneResult(IReadOnlyList<string> Deleted, long SpaceReclaimed);
