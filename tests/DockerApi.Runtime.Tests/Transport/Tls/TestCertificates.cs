using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Transport.Tls;

/// <summary>A CA, daemon certificates (valid, expired, for another host) and a client certificate, made in memory and written as PEM.</summary>
public sealed class TestCertificates : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dockerapi-tls-").FullName;

    public TestCertificates()
    {
        using var caKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=DockerApi test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(10));
        using var otherKey = RSA.Create(2048);
        OtherCa = new CertificateRequest("CN=Another CA", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(2));
        Daemon = Issue("127.0.0.1", ["127.0.0.1"], serverAuth: true, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Expired = Issue("127.0.0.1", ["127.0.0.1"], serverAuth: true, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-1));
        OtherHost = Issue("daemon.example", ["daemon.example"], serverAuth: true, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // A client certificate of the same CA that names the daemon's address: it must not pass for the daemon's.
        ClientForDaemonAddress = Issue("127.0.0.1", ["127.0.0.1"], serverAuth: false, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Client = Issue("client", [], serverAuth: false, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), ec: true);
        Write("ca.pem", Ca.ExportCertificatePem());
        Write("other-ca.pem", OtherCa.ExportCertificatePem());
        Write("cert.pem", Client.ExportCertificatePem());
        Write("key.pem", Client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Ca { get; }
    public X509Certificate2 OtherCa { get; }
    public X509Certificate2 Daemon { get; }
    public X509Certificate2 Expired { get; }
    public X509Certificate2 OtherHost { get; }
    public X509Certificate2 Client { get; }
    public X509Certificate2 ClientForDaemonAddress { get; }

    public string Path(string name) => System.IO.Path.Combine(_folder, name);

    /// <summary>The client side as DOCKER_CERT_PATH would give it: ca.pem, cert.pem, key.pem.</summary>
    internal DockerTls ClientTls(bool withClientCertificate = true, string ca = "ca.pem", bool verify = true) =>
        withClientCertificate ? new DockerTls(Path(ca), Path("cert.pem"), Path("key.pem"), verify) : new DockerTls(Path(ca), verify: verify);

    private X509Certificate2 Issue(string subject, string[] names, bool serverAuth, DateTimeOffset from, DateTimeOffset to, bool ec = false)
    {
        using var rsa = ec ? null : RSA.Create(2048);
        using var ecdsa = ec ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var request = ec
            ? new CertificateRequest("CN=" + subject, ecdsa!, HashAlgorithmName.SHA256)
            : new CertificateRequest("CN=" + subject, rsa!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var ip))
                san.AddIpAddress(ip);
            else
                san.AddDnsName(name);
        }
        if (names.Length > 0)
            request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        // Signed by the CA's RSA key whatever the subject's key is (the EC client certificate too).
        using var caKey = Ca.GetRSAPrivateKey()!;
        using var issued = request.Create(Ca.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1), from, to, RandomNumberGenerator.GetBytes(8));
        var withKey = ec ? issued.CopyWithPrivateKey(ecdsa!) : issued.CopyWithPrivateKey(rsa!);
        // A key usable by SslStream as a server on every platform: through PKCS#12 once.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private void Write(string name, string pem) => File.WriteAllText(Path(name), pem);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
