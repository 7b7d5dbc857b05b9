namespace DockerApi;

/// <summary>A wait for a container (a log line, its end) did not see what it waited for in time.</summary>
public sealed class DockerWaitException : DockerException
{
    /// <summary>Creates the exception.</summary>
    public DockerWaitException(string message, string containerId, Exception? innerException = null)
        : base(message, "Wait", innerException) => ContainerId = containerId;

    /// <summary>The container waited for.</summary>
    public string ContainerId { get; }
}
