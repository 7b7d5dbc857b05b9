using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockerApi.Configuration;

/// <summary>
/// Writes a file that holds secrets as the docker CLI writes <c>config.json</c>: never in place. A new file in the
/// same folder, created 0600 (so the secret is never readable by others, not even for a moment), flushed to disk, then
/// renamed over the old one; a failure at any step leaves the old file whole and the new one gone.
/// </summary>
internal static class ConfigFileWriter
{
    /// <summary>How long a writer waits for another to release the lock before it gives up.</summary>
    internal static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The file a write reaches: the target of a symbolic link (as the docker CLI follows it), else the path.</summary>
    public static string Resolve(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : path;
        }
        catch (IOException e)
        {
            throw new DockerConfigException($"the file's link cannot be followed: {e.Message}", path, e);
        }
    }

    /// <summary>
    /// Holds <c>PATH.lock</c> (an exclusive advisory lock, which other processes using this library and other
    /// writers of this process respect) until the result is disposed.
    /// </summary>
    public static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        var lockPath = path + ".lock";
        var deadline = DateTime.UtcNow + LockTimeout;
        var delay = 5;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(lockPath)!);
                return new FileStream(lockPath, OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite)); // FileShare.None: flock(LOCK_EX) on Unix
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException) && DateTime.UtcNow < deadline)
            {
                // Another writer holds it: wait a little longer each time.
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = Math.Min(delay * 2, 200);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DockerConfigException($"the file cannot be locked for writing: {e.Message}", path, e);
            }
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="root"/>, indented as the docker CLI writes it.</summary>
    /// <exception cref="DockerConfigException">The new file cannot be written or renamed; the old one is as it was.</exception>
    public static void Replace(string path, JsonObject root)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = new FileStream(temp, OwnerOnly(FileMode.CreateNew, FileAccess.Write)))
            {
                using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
                    root.WriteTo(writer);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        // Any failure of the write (a full disk, a quota, the file-size limit: .NET reports some of them as argument errors).
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            TryDelete(temp);
            throw new DockerConfigException($"the file cannot be written, and was left as it was: {e.Message}", path, e);
        }
    }

    /// <summary>Options for a file no other process may open meanwhile, created readable by its owner only (0600).</summary>
    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the old file is whole either way.
        }
    }
}

/// <summary>JSON values turned into nodes to change and write back.</summary>
internal static class JsonNodes
{
    /// <summary>
    /// <paramref name="element"/> as a node; of a name given twice in an object the last value stays, as Go's decoder
    /// (and so the docker CLI) reads it, where <see cref="JsonObject.Create(JsonElement, JsonNodeOptions?)"/> would throw.
    /// </summary>
    public static JsonObject LastWins(JsonElement element)
    {
        var result = new JsonObject();
        foreach (var property in element.EnumerateObject())
            result[property.Name] = Node(property.Value);
        return result;
    }

    private static JsonNode? Node(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => LastWins(value),
        JsonValueKind.Array => new JsonArray(value.EnumerateArray().Select(Node).ToArray()),
        JsonValueKind.Null => null,
        _ => JsonValue.Create(value),
    };
}
