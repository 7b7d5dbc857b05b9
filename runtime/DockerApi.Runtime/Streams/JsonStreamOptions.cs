namespace DockerApi.Streams;

/// <summary>How <see cref="JsonStream"/> reads a stream of JSON values.</summary>
/// <remarks>
/// Immutable (<c>init</c>): instances are shared (<see cref="Default"/>, <see cref="Lenient"/>, generated code). The
/// runtime's rule: options handed around as shared values are immutable; options a caller fills in before handing
/// them to one owner (<see cref="Transport.DockerTransportOptions"/>) are settable and copied by that owner.
/// </remarks>
public sealed class JsonStreamOptions
{
    /// <summary>The default bound of one value: 16 MiB.</summary>
    public const int DefaultMaxValueBytes = 16 * 1024 * 1024;

    /// <summary>Shared default options.</summary>
    public static JsonStreamOptions Default { get; } = new();

    /// <summary>Default options that skip text between values (<see cref="SkipNonJsonText"/>).</summary>
    public static JsonStreamOptions Lenient { get; } = new() { SkipNonJsonText = true };

    /// <summary>A value larger than this raises <see cref="DockerProtocolException"/> instead of growing memory.</summary>
    public int MaxValueBytes { get; init; } = DefaultMaxValueBytes;

    /// <summary>
    /// Skip text that is not JSON between values (a 0.4.x push writes raw <c>Buffering to disk …\r</c> fragments
    /// into its JSON stream) instead of raising <see cref="DockerProtocolException"/>.
    /// </summary>
    public bool SkipNonJsonText { get; init; }

    /// <summary>Bytes asked of the underlying stream at a time.</summary>
    public int ReadBufferSize { get; init; } = 16 * 1024;
}
