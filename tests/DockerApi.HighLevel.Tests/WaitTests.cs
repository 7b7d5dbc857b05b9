namespace DockerApi.HighLevel.Tests;

/// <summary>Waiting for readiness: a log line, the health check, a port; a failed wait removes what it started.</summary>
public sealed class WaitTests
{
    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Start_waits_for_a_log_line_and_a_wait_that_cannot_succeed_removes_the_container(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var before = await daemon.ContainerIdsAsync();

        await using (var ready = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", "echo starting; echo ready now; sleep 300"],
            new ContainerOptions { WaitFor = ContainerWait.ForLog("^ready") }))
            Assert.True((await ready.InspectAsync()).Running);

        var failed = await Assert.ThrowsAsync<DockerWaitException>(() => daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", "echo nope"],
            new ContainerOptions { WaitFor = ContainerWait.ForLog("^ready") }));
        Assert.Contains("ended without writing a line matching '^ready'", failed.Message);
        Assert.Equal(before, await daemon.ContainerIdsAsync());
    }

    [SkippableFact]
    public async Task Waiting_until_healthy_follows_the_health_check_and_reports_unhealthy()
    {
        // Not on Podman here: it runs health checks from systemd timers, and this sandbox has no systemd ("unable to get
        // systemd connection to add healthchecks" in its log), so its containers stay "starting".
        await using var daemon = await Engines.ConnectAsync("engine");
        var check = new HealthCheck(["test", "-f", "/tmp/ready"]) { Interval = TimeSpan.FromMilliseconds(100), Retries = 2 };

        await using (var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", "sleep 0.5; touch /tmp/ready; sleep 300"],
            new ContainerOptions { HealthCheck = check with { Retries = 1000 }, WaitFor = ContainerWait.ForHealthy(TimeSpan.FromSeconds(30)) }))
            Assert.Equal("healthy", (await c.InspectAsync()).Health);

        await using var sick = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"], new ContainerOptions { HealthCheck = check });
        Assert.Contains("is unhealthy", (await Assert.ThrowsAsync<DockerWaitException>(() => sick.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30)))).Message);
        await using var none = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sleep", "300"]);
        Assert.Contains("has no health check", (await Assert.ThrowsAsync<DockerWaitException>(() => none.WaitUntilHealthyAsync())).Message);
    }

    [SkippableFact]
    public async Task A_published_port_is_found_and_waited_for_on_a_network_of_its_own()
    {
        // Not on Podman: its networks here are CNI bridges with NAT, and its containers are kept on loopback (.ci/dockerd).
        // The CI engine runs without its default bridge: a network made here publishes through the engine's proxy.
        await using var daemon = await Engines.ConnectAsync("engine");
        await using var net = await daemon.Docker.Networks.CreateAsync($"dockerapi-hl-{Guid.NewGuid():N}"[..24]);
        // It keeps listening: the wait's own probe is a connection, and one nc would end the container with it.
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", "sleep 0.5; while true; do echo hello | nc -l -p 8080; done"],
            new ContainerOptions { Network = net.Name, Ports = [new PortMapping(8080, HostIp: "127.0.0.1")], WaitFor = ContainerWait.ForPort(8080, TimeSpan.FromSeconds(30)) });

        var port = await c.GetHostPortAsync(8080);
        Assert.InRange(port, 1, 65535);
        Assert.Contains(new PublishedPort(8080, "tcp", "127.0.0.1", port), (await c.InspectAsync()).Ports);
        await Assert.ThrowsAsync<DockerWaitException>(() => c.GetHostPortAsync(9999));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task A_port_on_the_host_network_is_waited_for_on_this_machine(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var port = FreePort();
        await using var c = await daemon.Docker.Containers.StartAsync(daemon.Image, ["sh", "-c", $"sleep 0.3; while true; do echo hi | nc -l -p {port}; done"],
            new ContainerOptions { Network = "host" });

        await c.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        var timeout = await Assert.ThrowsAsync<DockerWaitException>(() => c.WaitForPortAsync(FreePort(), TimeSpan.FromMilliseconds(300)));
        Assert.Contains("was not port", timeout.Message);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
