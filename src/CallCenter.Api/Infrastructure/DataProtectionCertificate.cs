using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CallCenter.Api.Infrastructure;

/// <summary>The certificate that encrypts the sign-in keys at rest (<c>Auth:DataProtectionCertificatePath</c>).</summary>
internal static class DataProtectionCertificate
{
    /// <summary>The configured certificate, or null when none is configured; throws naming the setting when it is unusable.</summary>
    public static X509Certificate2? Load(AuthOptions auth, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(auth);
        if (string.IsNullOrWhiteSpace(auth.DataProtectionCertificatePath))
        {
            return null;
        }

        var path = Path.GetFullPath(auth.DataProtectionCertificatePath, contentRoot);
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, auth.DataProtectionCertificatePassword);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Auth:DataProtectionCertificatePath '{path}' could not be opened with Auth:DataProtectionCertificatePassword: {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"Auth:DataProtectionCertificatePath '{path}' has no private key: the keys could be written but never read back.");
        }

        return certificate;
    }

    /// <summary>Why the configured certificate cannot be used, or null (also when none is configured).</summary>
    public static string? Problem(AuthOptions auth, string contentRoot)
    {
        try
        {
            using var certificate = Load(auth, contentRoot);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }
}
