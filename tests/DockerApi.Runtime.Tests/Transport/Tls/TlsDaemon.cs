using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Transport.Tls;

/// <summary>
/// A daemon on loopback that speaks TLS with <paramref name="certificate"/>, requiring a client certificate signed by
/// <paramref name="clientCa"/> when given. It answers /_ping, and turns /attach into an upgraded connection that echoes
/// stdin until its end, then writes "bye" and closes.
/// </summary>
internal sealed class TlsDaemon : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TlsDaemon(X509Certificate2 certificate, X509Certificate2? clientCa = null)
    {
        _listener.Start();
        Endpoint = DockerEndpoint.Parse($"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client, certificate, clientCa));
            }
        });
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>Connections whose handshake failed on this side.</summary>
    public int Refused;

    private async Task ServeAsync(TcpClient client, X509Certificate2 certificate, X509Certificate2? clientCa)
    {
        using var _ = client;
        // As Go's TLS server: plain HTTP gets "400 Bad Request" in HTTP/1.0 and the connection closed.
        var first = new byte[1];
        if (await client.Client.ReceiveAsync(first, SocketFlags.Peek) == 1 && first[0] != 0x16)
        {
            await client.GetStream().WriteAsync("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"u8.ToArray());
            return;
        }
        await using var ssl = new SslStream(client.GetStream(), false, (_, presented, _, _) => clientCa is null || Signed(presented, clientCa));
        try
        {
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                ClientCertificateRequired = clientCa is not null,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            }, _stop.Token);
            var head = await ReadHeadAsync(ssl);
            if (head.StartsWith("POST /v1.41/attach", StringComparison.Ordinal))
            {
                await ssl.WriteAsync("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"u8.ToArray());
                var buffer = new byte[4096];
                int read;
                while ((read = await ssl.ReadAsync(buffer)) > 0)
                    await ssl.WriteAsync(buffer.AsMemory(0, read));
                await ssl.WriteAsync("bye"u8.ToArray());
                await ssl.ShutdownAsync();
                return;
            }
            await ssl.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK"u8.ToArray());
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            Interlocked.Increment(ref Refused);
        }
    }

    private static bool Signed(X509Certificate? presented, X509Certificate2 ca)
    {
        if (presented is null)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(presented));
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
            head.Append((char)one[0]);
        return head.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await Task.WhenAny(_accepting);
        _stop.Dispose();
    }
}
