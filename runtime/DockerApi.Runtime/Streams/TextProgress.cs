using System.Runtime.CompilerServices;

namespace DockerApi.Streams;

/// <summary>One line of a v1.0 text progress stream (pull, import, insert, push).</summary>
/// <param name="Text">The status or progress text, for example <c>Pulling repository base</c> or <c>Downloading 1.049 MB/10.49 MB (10%)</c>.</param>
/// <param name="IsProgressUpdate">True for a progress line (ended by a lone <c>\r</c>) that the next line replaces.</param>
public readonly record struct ProgressLine(string Text, bool IsProgressUpdate);

/// <summary>Reads the text progress streams of API v1.0.</summary>
public static class TextProgress
{
    /// <summary>The prefix of an error line.</summary>
    public const string ErrorPrefix = "Error: ";

    /// <summary>
    /// Yields each line of a v1.0 progress stream. An <c>Error: …</c> line raises <see cref="DockerStreamException"/>
    /// after the lines before it were yielded. An empty line ends a progress bar.
    /// </summary>
    public static async IAsyncEnumerable<ProgressLine> ReadAsync(Stream stream, string? operation = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var line in TextLines.ReadAsync(stream, TextLines.DefaultMaxLineBytes, operation, cancellationToken).ConfigureAwait(false))
        {
            if (line.Text.StartsWith(ErrorPrefix, StringComparison.Ordinal))
                throw new DockerStreamException(line.Text[ErrorPrefix.Length..], operation);
            yield return new ProgressLine(line.Text, line.End == LineEnd.CarriageReturn);
        }
    }
}
