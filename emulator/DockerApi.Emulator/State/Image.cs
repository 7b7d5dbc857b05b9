using System.Security.Cryptography;

namespace DockerApi.Emulator.State;

/// <summary>An image of the graph; its tree holds the whole filesystem (parents included).</summary>
internal sealed class Image
{
    public required string Id { get; init; }
    public string Parent { get; init; } = "";
    public string Comment { get; init; } = "";
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;
    public string Container { get; init; } = "";
    public ContainerConfig ContainerConfig { get; init; } = new();
    public string DockerVersion { get; init; } = "0.4.4";
    public string Author { get; init; } = "";
    public ContainerConfig? Config { get; init; }
    public required FileTree Tree { get; init; }

    /// <summary>Bytes this layer adds to its parent.</summary>
    public long Size { get; init; }

    public string ShortId => Id[..12];
}

/// <summary>New ids: 64 hex digits, of which the first 12 are the short id.</summary>
internal static class Ids
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
