namespace DockerApi.Transport;

/// <summary>Settings of <see cref="DockerHttpHandler"/>.</summary>
/// <remarks>
/// Settable, as .NET's handler settings are: fill them in, then hand them over. The handler copies them when it is
/// made, so a later change affects only handlers made after it (see <see cref="Streams.JsonStreamOptions"/> for the rule).
/// </remarks>
public sealed class DockerTransportOptions
{
    /// <summary>How long opening a connection may take. Default 30 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle pooled connection is kept. Default 90 seconds.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The default of <see cref="MaxResponseBodyBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseBodyBytes = 64L * 1024 * 1024;

    /// <summary>Largest response head accepted, pooled or hijacked. Default 64 KiB.</summary>
    public int MaxResponseHeadBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest answer read whole (a JSON object such as an inspect, or text): a larger one raises
    /// <see cref="DockerProtocolException"/> instead of exhausting memory. Streams (pull, logs, export) are read as
    /// they arrive and are not bounded by this. Default <see cref="DefaultMaxResponseBodyBytes"/>.
    /// </summary>
    public long MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>A copy, so that a handler keeps the settings it was built with whatever the caller changes later.</summary>
    internal DockerTransportOptions Copy() => (DockerTransportOptions)MemberwiseClone();
}
