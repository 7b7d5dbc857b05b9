using System.Runtime.CompilerServices;

namespace DockerApi.Streams;

/// <summary>One line of build output.</summary>
/// <param name="Text">The line, for example <c>Step 1 : FROM base</c> or <c> ---> 3d415f8af890</c>.</param>
/// <param name="ImageId">The id of the built image, on the final <c>Successfully built &lt;id&gt;</c> line only.</param>
public readonly record struct BuildOutputLine(string Text, string? ImageId);

/// <summary>Reads the plain-text output of <c>POST /build</c> (API v1.0 – v1.2).</summary>
public static class BuildOutput
{
    /// <summary>The prefix of the line that reports a failed build (status stays 200).</summary>
    public const string ErrorPrefix = "Error build: ";

    /// <summary>The prefix of the line that reports success.</summary>
    public const string SuccessPrefix = "Successfully built ";

    /// <summary>
    /// Yields each line of build output. <c>Error build: …</c> raises <see cref="DockerStreamException"/> after the
    /// lines before it were yielded; <c>Successfully built &lt;id&gt;</c> carries the image id.
    /// </summary>
    public static async IAsyncEnumerable<BuildOutputLine> ReadAsync(Stream stream, string? operation = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var line in TextLines.ReadAsync(stream, TextLines.DefaultMaxLineBytes, operation, cancellationToken).ConfigureAwait(false))
        {
            if (line.Text.StartsWith(ErrorPrefix, StringComparison.Ordinal))
                throw new DockerStreamException(line.Text[ErrorPrefix.Length..], operation);
            var id = line.Text.StartsWith(SuccessPrefix, StringComparison.Ordinal) ? line.Text[SuccessPrefix.Length..].Trim() : null;
            yield return new BuildOutputLine(line.Text, id);
        }
    }

    /// <summary>
    /// Reads the whole build output, reporting each line to <paramref name="progress"/>, and returns the built
    /// image's id. A build that ends without <c>Successfully built</c> raises <see cref="DockerStreamException"/>.
    /// </summary>
    public static Task<string> ReadImageIdAsync(Stream stream, IProgress<BuildOutputLine>? progress = null, string? operation = null,
        CancellationToken cancellationToken = default) =>
        ReadImageIdAsync(ReadAsync(stream, operation, cancellationToken), progress, operation, cancellationToken);

    /// <summary>
    /// Reads build output lines to their end, reporting each to <paramref name="progress"/>, and returns the built
    /// image's id. Output that ends without <c>Successfully built</c> raises <see cref="DockerStreamException"/>.
    /// </summary>
    public static async Task<string> ReadImageIdAsync(IAsyncEnumerable<BuildOutputLine> lines, IProgress<BuildOutputLine>? progress = null,
        string? operation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string? imageId = null;
        await foreach (var line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(line);
            imageId = line.ImageId ?? imageId;
        }
        return imageId ?? throw new DockerStreamException("the build output ended without 'Successfully built <id>'", operation);
    }
}
