namespace DockerApi.Transport;

/// <summary>Settings of <see cref="DockerHttpHandler"/>.</summary>
public sealed class DockerTransportOptions
{
    /// <summary>How long opening a connection may take. Default 30 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle pooled connection is kept. Default 90 seconds.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Largest response head a hijacked request accepts. Default 64 KiB.</summary>
    public int MaxResponseHeadBytes { get; set; } = 64 * 1024;
}
