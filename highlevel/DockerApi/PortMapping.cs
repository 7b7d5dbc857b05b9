namespace DockerApi;

/// <summary>
/// A container port published on the engine's host, as <c>docker run -p</c> has it: <c>new PortMapping(80)</c> is
/// <c>-p 80</c> (the engine chooses a free host port; ask <see cref="Container.GetHostPortAsync"/> which),
/// <c>new PortMapping(80, 8080)</c> is <c>-p 8080:80</c>.
/// </summary>
/// <param name="ContainerPort">The port the process listens on inside the container.</param>
/// <param name="HostPort">The port on the host; 0 lets the engine choose one.</param>
/// <param name="Protocol"><c>tcp</c>, <c>udp</c> or <c>sctp</c>.</param>
/// <param name="HostIp">The host address to listen on; empty for all of them.</param>
public sealed record PortMapping(int ContainerPort, int HostPort = 0, string Protocol = "tcp", string HostIp = "")
{
    /// <summary>The engine's key for the container side: <c>80/tcp</c>.</summary>
    internal string Key
    {
        get
        {
            if (ContainerPort is < 1 or > 65535 || HostPort is < 0 or > 65535)
                throw new ArgumentOutOfRangeException(nameof(ContainerPort), this, "ports are 1–65535 (a host port of 0 lets the engine choose)");
            if (Protocol is not ("tcp" or "udp" or "sctp"))
                throw new ArgumentException($"'{Protocol}' is not a protocol the engine publishes: tcp, udp or sctp", nameof(Protocol));
            return $"{ContainerPort}/{Protocol}";
        }
    }
}

/// <summary>Where the engine published a container port: <see cref="ContainerDetails.Ports"/>.</summary>
/// <param name="ContainerPort">The port inside the container.</param>
/// <param name="Protocol"><c>tcp</c>, <c>udp</c> or <c>sctp</c>.</param>
/// <param name="HostIp">The host address it listens on (<c>0.0.0.0</c>, <c>::</c>, <c>127.0.0.1</c>).</param>
/// <param name="HostPort">The port on the host.</param>
public sealed record PublishedPort(int ContainerPort, string Protocol, string HostIp, int HostPort);
