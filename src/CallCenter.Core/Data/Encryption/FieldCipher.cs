using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Data.Encryption;

/// <summary>AES-256-GCM with a fresh nonce per value; the key id (in the prefix) is authenticated too.</summary>
internal sealed partial class FieldCipher : IFieldCipher
{
    private readonly FieldKeyRing _ring;

    public FieldCipher(IOptions<EncryptionOptions> options, ILogger<FieldCipher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ring = FieldKeyRing.Load(options.Value, out var generated);
        if (generated)
        {
            KeyFileGenerated(logger, options.Value.KeyFile!);
        }
    }

    internal FieldCipher(FieldKeyRing ring) => _ring = ring;

    public string ActiveKeyId => _ring.ActiveKeyId;

    public string? Encrypt(string? plainText)
    {
        if (plainText is null)
        {
            return null;
        }

        var prefix = FieldCipherFormat.PrefixFor(_ring.ActiveKeyId);
        var plain = Encoding.UTF8.GetBytes(plainText);
        var sealedBytes = new byte[FieldCipherFormat.NonceBytes + plain.Length + FieldCipherFormat.TagBytes];
        var nonce = sealedBytes.AsSpan(0, FieldCipherFormat.NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_ring.Keys[_ring.ActiveKeyId], FieldCipherFormat.TagBytes);
        aes.Encrypt(
            nonce,
            plain,
            sealedBytes.AsSpan(FieldCipherFormat.NonceBytes, plain.Length),
            sealedBytes.AsSpan(FieldCipherFormat.NonceBytes + plain.Length),
            Encoding.ASCII.GetBytes(prefix));
        return prefix + Convert.ToBase64String(sealedBytes);
    }

    public string? Decrypt(string? stored)
    {
        if (stored is null || !stored.StartsWith(FieldCipherFormat.Marker, StringComparison.Ordinal))
        {
            return stored;
        }

        var idEnd = stored.IndexOf(':', FieldCipherFormat.Marker.Length);
        var keyId = idEnd < 0 ? string.Empty : stored[FieldCipherFormat.Marker.Length..idEnd];
        if (!_ring.Keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException(
                $"A stored value is encrypted with key '{keyId}', which is not configured (Encryption:Keys:{keyId} or the key file).");
        }

        var sealedBytes = Convert.FromBase64String(stored[(idEnd + 1)..]);
        if (sealedBytes.Length < FieldCipherFormat.NonceBytes + FieldCipherFormat.TagBytes)
        {
            throw new CryptographicException($"A stored value encrypted with key '{keyId}' is truncated.");
        }

        var length = sealedBytes.Length - FieldCipherFormat.NonceBytes - FieldCipherFormat.TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(key, FieldCipherFormat.TagBytes);
        aes.Decrypt(
            sealedBytes.AsSpan(0, FieldCipherFormat.NonceBytes),
            sealedBytes.AsSpan(FieldCipherFormat.NonceBytes, length),
            sealedBytes.AsSpan(FieldCipherFormat.NonceBytes + length),
            plain,
            Encoding.ASCII.GetBytes(stored[..(idEnd + 1)]));
        return Encoding.UTF8.GetString(plain);
    }

    public bool IsCurrent(string? stored) =>
        stored is null || stored.StartsWith(FieldCipherFormat.PrefixFor(_ring.ActiveKeyId), StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No field-encryption key was configured: generated the key file {KeyFile}. Keep it with the database's backups " +
        "(without it the encrypted fields cannot be read); Production refuses to start without a configured key")]
    private static partial void KeyFileGenerated(ILogger logger, string keyFile);
}
