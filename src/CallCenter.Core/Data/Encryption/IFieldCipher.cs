namespace CallCenter.Core.Data.Encryption;

/// <summary>
/// Encrypts the text of a sensitive column before it is written and decrypts it after it is read, in the repositories,
/// so the rest of the hub sees plain text. A stored value carries the id of the key that encrypted it.
/// </summary>
public interface IFieldCipher
{
    /// <summary>The id of the key new values are encrypted with.</summary>
    string ActiveKeyId { get; }

    /// <summary>The text as stored: <c>enc:v1:&lt;key id&gt;:&lt;base64&gt;</c>; null stays null.</summary>
    string? Encrypt(string? plainText);

    /// <summary>
    /// The plain text of a stored value: decrypted when it carries the marker, as it is when it does not (a row
    /// written before encryption). Throws when its key is not configured or the value was tampered with.
    /// </summary>
    string? Decrypt(string? stored);

    /// <summary>Whether a stored value is already encrypted with the active key (null counts as current).</summary>
    bool IsCurrent(string? stored);
}
