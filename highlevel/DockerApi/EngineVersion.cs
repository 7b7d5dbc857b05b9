namespace DockerApi;

/// <summary>What the daemon says of itself (<c>docker version</c>).</summary>
/// <param name="Version">Its release: <c>20.10.24</c>, <c>4.3.1</c> (Podman), <c>0.4.4</c>.</param>
/// <param name="ApiVersion">The newest API version it speaks; null on a 2013 daemon, which did not say.</param>
/// <param name="MinimumApiVersion">The oldest API version it accepts; null when it does not say.</param>
/// <param name="GitCommit">The commit it was built from.</param>
/// <param name="GoVersion">The Go it was built with.</param>
/// <param name="OperatingSystem">Its operating system (<c>linux</c>); null on a 2013 daemon.</param>
/// <param name="Architecture">Its architecture (<c>amd64</c>); null on a 2013 daemon.</param>
/// <param name="KernelVersion">Its host's kernel; null on a 2013 daemon.</param>
public sealed record EngineVersion(string Version, string? ApiVersion, string? MinimumApiVersion, string? GitCommit, string? GoVersion,
    string? OperatingSystem, string? Architecture, string? KernelVersion);

/// <summary>What the daemon says of its host and contents (<c>docker info</c>).</summary>
/// <param name="Containers">How many containers it has.</param>
/// <param name="Images">How many images it has.</param>
/// <param name="Driver">Its storage driver (<c>overlay2</c>, <c>vfs</c>); null on a 2013 daemon.</param>
/// <param name="OperatingSystem">Its host's operating system (<c>Debian GNU/Linux 12 (bookworm)</c>); null on a 2013 daemon.</param>
/// <param name="Cpus">Its host's CPUs; null on a 2013 daemon.</param>
/// <param name="Memory">Its host's memory in bytes; null on a 2013 daemon.</param>
/// <param name="Debug">Whether it runs in debug mode.</param>
public sealed record EngineInfo(long Containers, long Images, string? Driver, string? OperatingSystem, long? Cpus, long? Memory, bool Debug);
