using DockerApi.Latest;

namespace DockerApi.Engines;

/// <summary>A stats reading as the docker CLI computes it.</summary>
internal static class Stats
{
    /// <summary>
    /// CPU: the container's share of the host's CPU time since the previous reading, times the CPUs online; memory:
    /// usage less the inactive page cache (<c>total_inactive_file</c> on cgroup v1, <c>inactive_file</c> on v2).
    /// </summary>
    public static ContainerStats Of(ContainerStatsResponse s)
    {
        var cpu = (double)(s.CpuStats?.CpuUsage?.TotalUsage ?? 0) - (s.PrecpuStats?.CpuUsage?.TotalUsage ?? 0);
        var system = (double)(s.CpuStats?.SystemCpuUsage ?? 0) - (s.PrecpuStats?.SystemCpuUsage ?? 0);
        var cpus = s.CpuStats?.OnlineCpus is { } online and > 0 ? online : (double)(s.CpuStats?.CpuUsage?.PercpuUsage?.Count ?? 1);
        var percent = cpu > 0 && system > 0 ? cpu / system * cpus * 100 : 0;
        var memory = s.MemoryStats;
        ulong? cache = null;
        if (memory?.Stats is { } detail)
            cache = detail.TryGetValue("total_inactive_file", out var v1) && v1 is not null ? v1 : detail.TryGetValue("inactive_file", out var v2) ? v2 : null;
        var usage = (long)(memory?.Usage ?? 0);
        if (cache is { } c && (long)c < usage)
            usage -= (long)c;
        return new ContainerStats(s.Read?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow, percent, usage, (long)(memory?.Limit ?? 0), (long)(s.PidsStats?.Current ?? 0));
    }
}
