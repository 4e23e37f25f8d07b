using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace CallCenter.Api.Infrastructure;

/// <summary>
/// Encrypts each sign-in key with the configured certificate (XML encryption, as <c>ProtectKeysWithCertificate</c>
/// does) and names <see cref="CertificateKeyDecryptor"/> as the way back, which finds the certificate in the options.
/// </summary>
internal sealed class CertificateKeyEncryptor(X509Certificate2 certificate, ILoggerFactory loggers) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _inner = new(certificate, loggers);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var encrypted = _inner.Encrypt(plaintextElement);
        return new EncryptedXmlInfo(encrypted.EncryptedElement, typeof(CertificateKeyDecryptor));
    }
}
