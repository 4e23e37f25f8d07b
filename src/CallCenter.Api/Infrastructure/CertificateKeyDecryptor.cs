using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>
/// Decrypts a sign-in key written by <see cref="CertificateKeyEncryptor"/> with the private key of the certificate in
/// <c>Auth:DataProtectionCertificatePath</c>. Made by Data Protection from the type name stored with the key.
/// </summary>
internal sealed class CertificateKeyDecryptor : IXmlDecryptor
{
    private readonly IServiceProvider _services;

    public CertificateKeyDecryptor(IServiceProvider services) => _services = services;

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var auth = _services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var environment = _services.GetRequiredService<IHostEnvironment>();
        using var certificate = DataProtectionCertificate.Load(auth, environment.ContentRootPath)
            ?? throw new InvalidOperationException(
                "A sign-in key is encrypted with a certificate, but Auth:DataProtectionCertificatePath is not set.");

        // EncryptedXml works on an XmlDocument: wrap the element so it can be replaced by its decrypted form.
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var reader = new XElement("root", encryptedElement).CreateReader())
        {
            document.Load(reader);
        }

        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        using var decrypted = new XmlNodeReader(document.DocumentElement!.FirstChild!);
        return XElement.Load(decrypted);
    }

    /// <summary>Takes the content key from the certificate named in the key's KeyInfo, not from a certificate store.</summary>
    private sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            ArgumentNullException.ThrowIfNull(encryptedKey);
            var named = encryptedKey.KeyInfo.OfType<KeyInfoX509Data>()
                .SelectMany(data => data.Certificates?.OfType<X509Certificate2>() ?? [])
                .Any(c => c.Thumbprint == certificate.Thumbprint);
            if (named && certificate.GetRSAPrivateKey() is { } rsa && encryptedKey.CipherData.CipherValue is { } wrapped)
            {
                using (rsa)
                {
                    var oaep = encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl;
                    return DecryptKey(wrapped, rsa, oaep);
                }
            }

            throw new CryptographicException("The sign-in key was encrypted with another certificate than Auth:DataProtectionCertificatePath.");
        }
    }
}
