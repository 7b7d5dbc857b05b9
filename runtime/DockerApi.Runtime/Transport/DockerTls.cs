using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace DockerApi.Transport;

/// <summary>
/// TLS to a daemon, as the docker CLI does it (<c>--tlsverify</c>, <c>--tlscacert</c>, <c>--tlscert</c>,
/// <c>--tlskey</c>, <c>DOCKER_CERT_PATH</c>): PEM files for a custom CA and a client certificate (RSA or EC), and
/// whether the daemon's certificate is verified. The files are read when the settings are made, so a missing or bad
/// file is a <see cref="DockerConfigException"/> naming it, not a failure on the first call.
/// </summary>
public sealed class DockerTls
{
    /// <summary>The extended key usage of a TLS server's certificate (id-kp-serverAuth).</summary>
    private static readonly System.Security.Cryptography.Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly X509Certificate2Collection? _ca;
    private readonly X509Certificate2? _client;

    /// <summary>Creates TLS settings from PEM files; each path may be null.</summary>
    /// <param name="caCertificatePath">The CA that signed the daemon's certificate (<c>ca.pem</c>); null: the system's trusted roots.</param>
    /// <param name="clientCertificatePath">The client certificate (<c>cert.pem</c>); null: none is presented.</param>
    /// <param name="clientKeyPath">Its private key (<c>key.pem</c>, RSA or EC).</param>
    /// <param name="verify">False to accept any daemon certificate (<c>DOCKER_TLS</c> without <c>DOCKER_TLS_VERIFY</c>, a context's <c>SkipTLSVerify</c>).</param>
    /// <exception cref="DockerConfigException">A file is missing or is not a PEM certificate or key.</exception>
    public DockerTls(string? caCertificatePath = null, string? clientCertificatePath = null, string? clientKeyPath = null, bool verify = true)
    {
        (CaCertificatePath, ClientCertificatePath, ClientKeyPath, Verify) = (caCertificatePath, clientCertificatePath, clientKeyPath, verify);
        if (caCertificatePath is not null)
            _ca = Load(caCertificatePath, () =>
            {
                var bundle = new X509Certificate2Collection();
                bundle.ImportFromPemFile(caCertificatePath); // one CA or several
                return bundle.Count > 0 ? bundle : throw new ArgumentException("the file holds no PEM certificate");
            });
        if (clientCertificatePath is not null || clientKeyPath is not null)
        {
            if (clientCertificatePath is null || clientKeyPath is null)
                throw new DockerConfigException("a TLS client certificate needs both the certificate and its key (cert.pem and key.pem)", clientCertificatePath ?? clientKeyPath);
            _client = Load(clientCertificatePath, () => X509Certificate2.CreateFromPemFile(clientCertificatePath, clientKeyPath));
        }
    }

    /// <summary>The <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> of <paramref name="directory"/> that exist (<c>DOCKER_CERT_PATH</c>).</summary>
    /// <exception cref="DockerConfigException">The folder does not exist, or a file in it is bad.</exception>
    public static DockerTls FromDirectory(string directory, bool verify = true)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            throw new DockerConfigException("the TLS certificate folder does not exist", directory);
        string? File(string name) => System.IO.File.Exists(Path.Combine(directory, name)) ? Path.Combine(directory, name) : null;
        return new DockerTls(File("ca.pem"), File("cert.pem"), File("key.pem"), verify);
    }

    /// <summary>The CA file, or null for the system's trusted roots.</summary>
    public string? CaCertificatePath { get; }

    /// <summary>The client certificate file, or null.</summary>
    public string? ClientCertificatePath { get; }

    /// <summary>The client key file, or null.</summary>
    public string? ClientKeyPath { get; }

    /// <summary>Whether the daemon's certificate is verified (chain and host name).</summary>
    public bool Verify { get; }

    /// <inheritdoc />
    public override string ToString() => $"TLS (verify: {Verify}, CA: {CaCertificatePath ?? "system"}, client certificate: {ClientCertificatePath ?? "none"})";

    /// <summary>
    /// Runs the TLS handshake over <paramref name="inner"/>; a refusal names its cause. Returns the stream to read
    /// from: the TLS stream, or a view of it that names a missing client certificate when the daemon asked for one and
    /// ends the connection (TLS 1.3 refuses it after the client's side of the handshake is done).
    /// </summary>
    internal async ValueTask<(SslStream Ssl, Stream Read)> AuthenticateAsync(Stream inner, string host, string where, CancellationToken cancellationToken)
    {
        string? refusal = null;
        var asked = false;
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false, (_, certificate, chain, errors) => Check(certificate, errors, out refusal),
            (_, _, _, _, _) =>
            {
                asked = true;
                return _client!;
            });
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                EnabledSslProtocols = SslProtocols.None, // the system's choice: TLS 1.2 and 1.3
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            }, cancellationToken).ConfigureAwait(false);
            return (ssl, asked && _client is null ? new ClientCertificateRequired(ssl, where) : ssl);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            var cause = refusal ?? (_client is null
                ? $"the daemon refused the TLS handshake ({e.Message}); it may require a client certificate (--tlscert, --tlskey)"
                : $"the daemon refused the TLS handshake ({e.Message}); it may not accept this client certificate");
            throw new DockerConnectionException($"TLS with the daemon at {where} failed: {cause}", where, null, e);
        }
    }

    /// <summary>A daemon asked for a client certificate and none was given: its closing the connection is said as that.</summary>
    private sealed class ClientCertificateRequired(SslStream inner, string where) : Streams.AsyncReadStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read;
            try
            {
                read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw Refused(e);
            }
            return read == 0 && !buffer.IsEmpty ? throw Refused(null) : read;
        }

        private DockerConnectionException Refused(Exception? e) =>
            new($"TLS with the daemon at {where} failed: the daemon requires a client certificate and none was given (--tlscert and --tlskey, or cert.pem and key.pem in DOCKER_CERT_PATH)", where, null, e);
    }

    private bool Check(X509Certificate? certificate, SslPolicyErrors errors, out string? refusal)
    {
        refusal = null;
        if (!Verify)
            return true;
        if (certificate is null)
        {
            refusal = "the daemon sent no certificate";
            return false;
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            refusal = "the daemon's certificate is not valid for this host name (its subject: " + certificate.Subject + ")";
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // The daemon's certificate must be one for a server, as Go's Verify and `openssl verify -purpose sslserver` require:
        // a client certificate of the same CA with the right name is not the daemon's.
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (_ca is not null)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(_ca);
        }
        using var daemon = new X509Certificate2(certificate);
        if (chain.Build(daemon))
            return true;
        var status = chain.ChainStatus.Select(s => s.Status).ToList();
        refusal = status.Contains(X509ChainStatusFlags.NotTimeValid)
            ? $"the daemon's certificate has expired or is not yet valid (valid {daemon.NotBefore:u} to {daemon.NotAfter:u})"
            : status.Contains(X509ChainStatusFlags.UntrustedRoot) || status.Contains(X509ChainStatusFlags.PartialChain)
                ? $"the daemon's certificate is not signed by {(_ca is null ? "a trusted root" : "the CA in " + CaCertificatePath)}"
                : status.Contains(X509ChainStatusFlags.NotValidForUsage)
                    ? "the daemon's certificate is not one for a TLS server (its extended key usage lacks serverAuth)"
                    : "the daemon's certificate is not valid: " + string.Join(", ", status);
        return false;
    }

    private static T Load<T>(string path, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new DockerConfigException($"the TLS file cannot be used: {e.Message}", path, e);
        }
    }
}
