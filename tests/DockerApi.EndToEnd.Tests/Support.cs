using System.Formats.Tar;
using System.Text;

namespace DockerApi.EndToEnd.Tests;

internal static class Support
{
    /// <summary>A tar archive of the given files (path → content).</summary>
    public static MemoryStream Tar(params (string Path, string Content)[] files)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (path, content) in files)
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
        }
        stream.Position = 0;
        return stream;
    }

    /// <summary>The names of the regular files in a tar archive.</summary>
    public static List<string> TarNames(Stream tar)
    {
        var names = new List<string>();
        using var reader = new TarReader(tar);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType == TarEntryType.RegularFile)
                names.Add(entry.Name);
        }
        return names;
    }

    public static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    public static async Task<string> ReadToEndAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }
}
