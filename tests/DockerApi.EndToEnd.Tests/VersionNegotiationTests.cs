using DockerApi.Emulator;
using DockerApi.Transport;

namespace DockerApi.EndToEnd.Tests;

public sealed class VersionNegotiationTests
{
    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task Against_the_2013_emulator_negotiation_probes_and_picks_1_2(Wire wire)
    {
        await using var session = await EmulatorSession.StartAsync(wire);
        var negotiated = await VersionNegotiation.NegotiateAsync(session.Daemon.Endpoint, ["1.0", "1.1", "1.2", "1.41"]);
        Assert.Equal(new NegotiatedVersion("1.2", null, null, "probe"), negotiated);
    }
}
