using System.Text.Json;

namespace DockerApi;

/// <summary>One image of <see cref="DockerImages.ListAsync"/>, as <c>docker images</c> shows it.</summary>
/// <param name="Id">Its id (<c>sha256:…</c> on modern engines).</param>
/// <param name="Tags">Its <c>repository:tag</c> names; none for a dangling image.</param>
/// <param name="Created">When it was made.</param>
/// <param name="Size">Its size in bytes, layers shared with other images included.</param>
public sealed record ImageInfo(string Id, IReadOnlyList<string> Tags, DateTimeOffset? Created, long Size);

/// <summary>One layer of an image's history (<c>docker history</c>).</summary>
/// <param name="Id">The layer's image id; <c>&lt;missing&gt;</c> for one built elsewhere.</param>
/// <param name="Created">When it was made.</param>
/// <param name="CreatedBy">The instruction that made it (<c>/bin/sh -c #(nop) CMD ["sh"]</c>).</param>
/// <param name="Tags">The tags that point at it.</param>
/// <param name="Size">The bytes it adds.</param>
public sealed record ImageLayer(string Id, DateTimeOffset? Created, string CreatedBy, IReadOnlyList<string> Tags, long Size);

/// <summary>What <see cref="DockerImages.InspectAsync"/> says of an image.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Tags">Its <c>repository:tag</c> names (none on a 2013 daemon, whose inspect did not say).</param>
/// <param name="Created">When it was made.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Raw">The engine's whole answer.</param>
public sealed record ImageDetails(string Id, IReadOnlyList<string> Tags, DateTimeOffset? Created, long Size, JsonElement Raw);
