using System.Formats.Tar;

namespace DockerApi.Cli.Engines;

internal static class BuildContext
{
    /// <summary>The files of <paramref name="directory"/> as a tar, in memory, read from its start.</summary>
    public static async Task<MemoryStream> TarAsync(string directory, CancellationToken ct)
    {
        var context = new MemoryStream();
        await TarFile.CreateFromDirectoryAsync(directory, context, includeBaseDirectory: false, ct);
        context.Position = 0;
        return context;
    }
}
