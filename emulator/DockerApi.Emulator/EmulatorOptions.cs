namespace DockerApi.Emulator;

/// <summary>How an <see cref="EmulatedDaemon"/> listens and what its offline registry knows.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Where to listen: <c>tcp://127.0.0.1:0</c> (a free port, the default), <c>tcp://127.0.0.1:4243</c> or <c>unix:///path</c>.</summary>
    public string Host { get; init; } = "tcp://127.0.0.1:0";

    /// <summary>The largest request body accepted; larger ones get 413. Default 256 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// How long a client may take to send a request head (and how long an idle keep-alive connection is kept): a
    /// client that trickles its head (slowloris) is disconnected then. Default 30 seconds.
    /// </summary>
    public TimeSpan HeadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Accounts of the offline index, user name to password (login, push). POST /auth registers new ones.</summary>
    public IDictionary<string, string> RegistryAccounts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["docker"] = "docker" };
}
