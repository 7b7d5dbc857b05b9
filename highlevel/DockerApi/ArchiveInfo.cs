namespace DockerApi;

/// <summary>What a path in a container is (<see cref="Container.StatAsync"/>): the engine's stat of it.</summary>
/// <param name="Name">The last part of the path.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Mode">Its permission bits.</param>
/// <param name="IsDirectory">Whether it is a folder.</param>
/// <param name="IsSymbolicLink">Whether it is a symbolic link (<paramref name="LinkTarget"/> says to what).</param>
/// <param name="Modified">When it last changed.</param>
/// <param name="LinkTarget">For a link, what it points to; empty otherwise.</param>
public sealed record ArchiveInfo(string Name, long Size, UnixFileMode Mode, bool IsDirectory, bool IsSymbolicLink, DateTimeOffset Modified, string LinkTarget);
