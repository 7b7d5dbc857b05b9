namespace DockerApi.Transport;

/// <summary>
/// The client and the daemon have no API version in common, or a call needs a newer API version than the connection
/// speaks: raised before anything is sent.
/// </summary>
public sealed class DockerVersionException : DockerException
{
    /// <summary>No API version the client supports is accepted by the daemon.</summary>
    public DockerVersionException(string message) : base(message, "VersionNegotiation")
    {
    }

    /// <summary><paramref name="operation"/> needs API <paramref name="requiredVersion"/>; the connection speaks <paramref name="apiVersion"/>.</summary>
    public DockerVersionException(string operation, string requiredVersion, string apiVersion)
        : base($"{operation} needs API {requiredVersion} or later; this connection speaks API {apiVersion}, so nothing was sent. Upgrade the daemon, or leave the call (or its parameter) out.", operation)
    {
        RequiredVersion = requiredVersion;
        ApiVersion = apiVersion;
    }

    /// <summary>The API version the call needs; null for a failed negotiation.</summary>
    public string? RequiredVersion { get; }

    /// <summary>The API version the connection speaks; null for a failed negotiation.</summary>
    public string? ApiVersion { get; }
}
