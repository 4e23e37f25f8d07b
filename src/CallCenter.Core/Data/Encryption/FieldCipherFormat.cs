namespace CallCenter.Core.Data.Encryption;

/// <summary>How an encrypted value is written: <c>enc:v1:&lt;key id&gt;:&lt;base64(nonce | ciphertext | tag)&gt;</c>.</summary>
public static class FieldCipherFormat
{
    /// <summary>Marks a value as ciphertext; a value without it is plain text written before encryption.</summary>
    public const string Marker = "enc:v1:";

    public const int KeyBytes = 32;
    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    /// <summary>The start of every value encrypted with the given key.</summary>
    public static string PrefixFor(string keyId) => Marker + keyId + ":";

    /// <summary>Key ids are short and safe inside the prefix and a LIKE pattern: letters, digits and '-'.</summary>
    public static bool IsValidKeyId(string? keyId) =>
        keyId is { Length: > 0 and <= 32 } && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
