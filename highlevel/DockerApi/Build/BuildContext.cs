using System.Formats.Tar;

namespace DockerApi.Build;

/// <summary>A build context: the folder as a tar, without what its <c>.dockerignore</c> leaves out (the Dockerfile and the ignore file always in).</summary>
internal static class BuildContext
{
    public static async Task<MemoryStream> TarAsync(string directory, string dockerfile, CancellationToken ct)
    {
        EnsureFolder(directory);
        var ignore = DockerIgnore.ForContext(directory, dockerfile);
        var context = new MemoryStream();
        // GNU, not PAX: BuildKit tells a tar context from a bare Dockerfile by its first 512 bytes alone, and a PAX
        // archive begins with an extended header whose records follow it (read as a Dockerfile: "unknown instruction").
        using (var writer = new TarWriter(context, TarEntryFormat.Gnu, leaveOpen: true))
            await AddAsync(writer, context, directory, "", ignore, ct).ConfigureAwait(false);
        context.Position = 0;
        return context;
    }

    /// <summary>Refuses a context that is not a folder, before anything is sent.</summary>
    public static void EnsureFolder(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"the build context '{directory}' is not a folder");
    }

    private static async Task AddAsync(TarWriter writer, Stream context, string folder, string relative, DockerIgnore ignore, CancellationToken ct)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            var name = relative.Length == 0 ? Path.GetFileName(path) : relative + "/" + Path.GetFileName(path);
            var excluded = ignore.IsExcluded(name);
            var attributes = File.GetAttributes(path);
            // A link is sent as the link, never followed (it may point out of the context).
            var isFolder = attributes.HasFlag(FileAttributes.Directory) && !attributes.HasFlag(FileAttributes.ReparsePoint);
            if (!excluded)
                await WriteEntryAsync(writer, context, path, name, ct).ConfigureAwait(false);
            // An excluded folder may still hold files an exception ("!…") takes back.
            if (isFolder && (!excluded || ignore.HasExceptions))
                await AddAsync(writer, context, path, name, ignore, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes one entry; one that tar cannot hold (a socket, such as an ssh agent's) is left out, as the docker CLI
    /// leaves it out, when the writer refused it before writing any of it.
    /// </summary>
    private static async Task WriteEntryAsync(TarWriter writer, Stream context, string path, string name, CancellationToken ct)
    {
        var before = context.Length;
        try
        {
            await writer.WriteEntryAsync(path, name, ct).ConfigureAwait(false);
        }
        catch (IOException) when (context.Length == before && !Directory.Exists(path))
        {
        }
    }
}
