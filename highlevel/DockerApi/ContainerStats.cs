namespace DockerApi;

/// <summary>One reading of a container's resource use, as <c>docker stats</c> shows it.</summary>
/// <param name="Read">When the engine read it.</param>
/// <param name="CpuPercent">CPU use since the previous reading, in percent of one CPU (200 is two CPUs busy); 0 for the first reading.</param>
/// <param name="MemoryUsage">Memory in use, in bytes, less the page cache that can be given back (as the docker CLI counts it).</param>
/// <param name="MemoryLimit">The memory limit in bytes (the host's memory without one).</param>
/// <param name="Processes">How many processes run in it.</param>
public sealed record ContainerStats(DateTimeOffset Read, double CpuPercent, long MemoryUsage, long MemoryLimit, long Processes);
