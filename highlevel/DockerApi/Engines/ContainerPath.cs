using System.Formats.Tar;
using DockerApi.Transport;

namespace DockerApi.Engines;

/// <summary>Paths of files inside a container, and the one-file tar archives the engine moves them in.</summary>
internal static class ContainerPath
{
    /// <summary>The most bytes a file read whole may have: the transport's bound for an answer read whole.</summary>
    public const long MaxFileBytes = DockerTransportOptions.DefaultMaxResponseBodyBytes;

    /// <summary>The folder and the name of an absolute file path: <c>/tmp/in.bin</c> → (<c>/tmp</c>, <c>in.bin</c>).</summary>
    /// <exception cref="ArgumentException">The path is not absolute, names a folder, or holds a NUL.</exception>
    public static (string Folder, string Name) Split(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        if (!path.StartsWith('/') || slash == path.Length - 1 || path.Contains('\0') || path[(slash + 1)..] is "." or "..")
            throw new ArgumentException($"'{path}' is not an absolute path of a file in the container, such as /tmp/in.bin", nameof(path));
        return (slash == 0 ? "/" : path[..slash], path[(slash + 1)..]);
    }

    /// <summary>The content of the first entry of <paramref name="archive"/>, which must be a regular file.</summary>
    public static async Task<byte[]> ReadSingleFileAsync(Stream archive, string path, CancellationToken ct)
    {
        using var reader = new TarReader(archive, leaveOpen: true);
        TarEntry? entry;
        try
        {
            entry = await reader.GetNextEntryAsync(copyData: false, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or OverflowException)
        {
            throw new DockerProtocolException($"the engine's archive of '{path}' is not a valid tar: {e.Message}", "ContainerArchive", e);
        }
        if (entry is null)
            throw new DockerProtocolException($"the engine's archive of '{path}' is empty", "ContainerArchive");
        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            throw new ArgumentException($"'{path}' in the container is not a regular file ({entry.EntryType}); copy a folder with its tar archive", nameof(path));
        if (entry.Length > MaxFileBytes)
            throw new DockerProtocolException($"'{path}' is {entry.Length} bytes, over the limit of {MaxFileBytes} for a file read whole", "ContainerArchive");
        using var content = new MemoryStream((int)entry.Length);
        if (entry.DataStream is { } data)
            await data.CopyToAsync(content, ct).ConfigureAwait(false);
        return content.ToArray();
    }
}
