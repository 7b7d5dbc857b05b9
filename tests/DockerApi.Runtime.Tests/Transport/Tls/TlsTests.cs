using System.Text;
using DockerApi.Tests;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Transport.Tls;

/// <summary>TLS as the docker CLI does it, pooled and hijacked, and each way it fails named in the message.</summary>
public sealed class TlsTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    private readonly TestCertificates _certificates = certificates;

    private static async Task<string> PingAsync(DockerEndpoint endpoint)
    {
        using var client = DockerHttpClient.Create(endpoint, "1.41");
        return await client.GetStringAsync("/_ping");
    }

    [Fact]
    public async Task A_custom_CA_and_an_EC_client_certificate_reach_a_daemon_that_requires_one()
    {
        await using var daemon = new TlsDaemon(_certificates.Daemon, clientCa: _certificates.Ca);

        Assert.Equal("OK", await PingAsync(daemon.Endpoint.WithTls(_certificates.ClientTls())));
    }

    [Fact]
    public async Task Attach_over_TLS_half_closes_stdin_and_reads_the_output_to_its_end()
    {
        await using var daemon = new TlsDaemon(_certificates.Daemon, clientCa: _certificates.Ca);
        using var client = DockerHttpClient.Create(daemon.Endpoint.WithTls(_certificates.ClientTls()), "1.41");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/attach").WithHijack(HijackMode.UpgradeTcp);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var attached = await response.GetHijackedStreamAsync();

        await attached.WriteAsync("stdin line\n"u8.ToArray());
        attached.CloseWrite();
        using var output = new MemoryStream();
        await attached.CopyToAsync(output);

        Assert.Equal(System.Net.HttpStatusCode.SwitchingProtocols, attached.StatusCode);
        Assert.Equal("stdin line\nbye", Encoding.ASCII.GetString(output.ToArray()));
    }

    [Fact]
    public async Task A_daemon_certificate_of_another_CA_is_refused_naming_the_CA_file()
    {
        await using var daemon = new TlsDaemon(_certificates.Daemon);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => PingAsync(daemon.Endpoint.WithTls(_certificates.ClientTls(ca: "other-ca.pem"))));

        Assert.Contains("the daemon's certificate is not signed by the CA in " + _certificates.Path("other-ca.pem"), error.Message);
    }

    [Fact]
    public async Task An_expired_daemon_certificate_is_refused_as_expired()
    {
        await using var daemon = new TlsDaemon(_certificates.Expired);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => PingAsync(daemon.Endpoint.WithTls(_certificates.ClientTls())));

        Assert.Contains("the daemon's certificate has expired or is not yet valid", error.Message);
    }

    [Fact]
    public async Task A_daemon_certificate_for_another_host_is_refused_naming_the_host_problem()
    {
        await using var daemon = new TlsDaemon(_certificates.OtherHost);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => PingAsync(daemon.Endpoint.WithTls(_certificates.ClientTls())));

        Assert.Contains("the daemon's certificate is not valid for this host name", error.Message);
    }

    [Fact]
    public async Task A_hijacked_connection_whose_handshake_never_ends_fails_at_the_connect_timeout()
    {
        // Accepts the TCP connection, reads what comes and never answers the TLS handshake, until the client gives up.
        await using var server = RawServer.Start(Wire.Tcp, async c =>
        {
            var buffer = new byte[4096];
            while (await c.ReadAsync(buffer) > 0)
            {
            }
        });
        var options = new DockerTransportOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) };
        using var client = DockerHttpClient.Create(server.Endpoint.WithTls(_certificates.ClientTls()), "1.41", options);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/attach").WithHijack(HijackMode.UpgradeTcp);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead));

        Assert.Contains("timed out after 0.3 s", error.Message);
    }

    [Fact]
    public async Task A_client_certificate_of_the_same_CA_is_not_taken_for_the_daemons()
    {
        await using var daemon = new TlsDaemon(_certificates.ClientForDaemonAddress);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => PingAsync(daemon.Endpoint.WithTls(_certificates.ClientTls())));

        Assert.Contains("the daemon's certificate is not one for a TLS server (its extended key usage lacks serverAuth)", error.Message);
    }

    [Fact]
    public async Task Without_a_client_certificate_a_daemon_that_requires_one_is_said_to_require_it()
    {
        await using var daemon = new TlsDaemon(_certificates.Daemon, clientCa: _certificates.Ca);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => PingAsync(daemon.Endpoint.WithTls(_certificates.ClientTls(withClientCertificate: false))));

        Assert.Contains("client certificate", error.Message);
        Assert.Contains(daemon.Endpoint.WithTls(null).ToString()[6..], error.Message); // the daemon's address
    }

    [Fact]
    public async Task Without_verification_any_daemon_certificate_is_accepted()
    {
        await using var daemon = new TlsDaemon(_certificates.Expired);

        Assert.Equal("OK", await PingAsync(daemon.Endpoint.WithTls(_certificates.ClientTls(ca: "other-ca.pem", verify: false))));
    }

    [Fact]
    public void A_missing_certificate_file_is_a_configuration_error_naming_it()
    {
        var missing = _certificates.Path("nowhere.pem");

        var error = Assert.Throws<DockerConfigException>(() => new DockerTls(missing));

        Assert.Equal(missing, error.Origin);
    }

    [Fact]
    public async Task Plain_HTTP_to_a_TLS_daemon_says_it_speaks_TLS()
    {
        await using var daemon = new TlsDaemon(_certificates.Daemon);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => VersionNegotiation.NegotiateAsync(daemon.Endpoint, ["1.2", "1.41"]));

        Assert.Contains("TLS", error.Message);
    }
}
