namespace CallCenter.Core.Data.Encryption;

/// <summary>
/// Keys for the fields encrypted at rest (section <c>Encryption</c>): notes, wrap-up notes, timeline summaries, SMS
/// bodies and complaint text. Keys live in configuration or in a key file, never in the database.
/// </summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "Encryption";

    /// <summary>
    /// Key id to key (32 random bytes, base64). Ids are letters, digits and <c>-</c>, at most 32. An empty value counts
    /// as no key (a later configuration source can clear one).
    /// </summary>
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>The key new values are encrypted with; the others only decrypt. Required with more than one key.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>
    /// A JSON file with more keys (<c>{"ActiveKeyId": "...", "Keys": {"id": "base64"}}</c>), kept outside the database.
    /// Its keys are added to <see cref="Keys"/>; <see cref="ActiveKeyId"/> in configuration wins over the file's.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// Create <see cref="KeyFile"/> with a new random key when it does not exist and no key is configured. The hub
    /// turns this on outside Production only, so a first <c>dotnet run</c> needs no setup.
    /// </summary>
    public bool GenerateKeyFile { get; set; }
}
