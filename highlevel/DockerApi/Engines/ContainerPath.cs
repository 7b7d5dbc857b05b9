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

    /// <summary>Checks that <paramref name="path"/> is an absolute path in the container (a file or a folder).</summary>
    /// <exception cref="ArgumentException">It is not absolute, or holds a NUL.</exception>
    public static void Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.Contains('\0'))
            throw new ArgumentException($"'{path}' is not an absolute path in the container, such as /tmp", nameof(path));
    }

    // Go's os.FileMode bits for the type, above the permission bits.
    private const uint GoDirectory = 1u << 31, GoSymlink = 1u << 27;

    /// <summary>The engine's stat of a path: base64 of <c>{"name","size","mode","mtime","linkTarget"}</c>, mode a Go <c>os.FileMode</c>.</summary>
    public static ArchiveInfo ParseStat(string header)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(header));
            var root = json.RootElement;
            var mode = root.GetProperty("mode").GetUInt32();
            return new ArchiveInfo(root.GetProperty("name").GetString() ?? "", root.GetProperty("size").GetInt64(), (UnixFileMode)(mode & 0x1FF),
                (mode & GoDirectory) != 0, (mode & GoSymlink) != 0, root.GetProperty("mtime").GetDateTimeOffset(),
                root.TryGetProperty("linkTarget", out var link) ? link.GetString() ?? "" : "");
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DockerProtocolException($"the engine's stat of a path is not the base64 JSON it should be: {e.Message}", "ContainerArchiveInfo", e);
        }
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
