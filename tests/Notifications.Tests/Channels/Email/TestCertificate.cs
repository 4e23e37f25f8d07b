using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Notifications.Tests.Channels.Email;

/// <summary>A self-signed certificate for 127.0.0.1, made for one test and written as PEM files for the SMTP server.</summary>
internal sealed class TestCertificate : IDisposable
{
    private readonly string _folder;

    private TestCertificate(string folder, string sha256)
    {
        _folder = folder;
        Sha256 = sha256;
    }

    public string CertificatePath => Path.Combine(_folder, "cert.pem");

    public string KeyPath => Path.Combine(_folder, "key.pem");

    /// <summary>The certificate's SHA-256 fingerprint in hex, as <c>Notifications:Email:TrustedCertificateSha256</c> takes it.</summary>
    public string Sha256 { get; }

    public static TestCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp-recorder.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var folder = Directory.CreateTempSubdirectory("smtp-cert-").FullName;
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(folder, Convert.ToHexString(SHA256.HashData(certificate.RawData)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
