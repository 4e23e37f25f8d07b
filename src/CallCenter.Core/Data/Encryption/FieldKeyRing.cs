using System.Security.Cryptography;
using System.Text.Json;

namespace CallCenter.Core.Data.Encryption;

/// <summary>The field-encryption keys by id and the one that encrypts, read from configuration and the key file.</summary>
internal sealed class FieldKeyRing
{
    public const string MissingKeyMessage =
        "No field-encryption key is configured. Set Encryption:Keys:<id> (32 random bytes, base64) and " +
        "Encryption:ActiveKeyId, or Encryption:KeyFile (a key file outside the database); see docs/security.md. " +
        "Outside Production the hub generates a key file by itself.";

    private FieldKeyRing(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ActiveKeyId = activeKeyId;
        Keys = keys;
    }

    public string ActiveKeyId { get; }

    public IReadOnlyDictionary<string, byte[]> Keys { get; }

    /// <summary>Why the settings cannot give a key ring, or null; reads the key file when it exists, writes nothing.</summary>
    public static string? Problem(EncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var generate = options.GenerateKeyFile && !HasConfiguredKeys(options) && options.KeyFile is { Length: > 0 } file && !File.Exists(file);
        return generate ? null : TryBuild(options, out _);
    }

    /// <summary>Builds the ring; creates the key file first when the settings ask for it. Throws with the setting to fix.</summary>
    public static FieldKeyRing Load(EncryptionOptions options, out bool generated)
    {
        ArgumentNullException.ThrowIfNull(options);
        generated = false;
        if (options.GenerateKeyFile && !HasConfiguredKeys(options) && options.KeyFile is { Length: > 0 } file && !File.Exists(file))
        {
            generated = TryCreateKeyFile(Path.GetFullPath(file));
        }

        return TryBuild(options, out var ring) is { } problem ? throw new InvalidOperationException(problem) : ring!;
    }

    /// <summary>Whether configuration holds a key; an empty value (a setting cleared by a later source) is none.</summary>
    public static bool HasConfiguredKeys(EncryptionOptions options) => options.Keys.Values.Any(v => !string.IsNullOrEmpty(v));

    /// <summary>A new key file with one random key, readable by its owner only; false when another process won the race.</summary>
    internal static bool TryCreateKeyFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var id = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var content = JsonSerializer.Serialize(new KeyFileContent
        {
            ActiveKeyId = id,
            Keys = new Dictionary<string, string> { [id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(FieldCipherFormat.KeyBytes)) },
        });
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
            writer.Write(content);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private static string? TryBuild(EncryptionOptions options, out FieldKeyRing? ring)
    {
        ring = null;
        var encoded = options.Keys.Where(k => !string.IsNullOrEmpty(k.Value)).ToDictionary(StringComparer.Ordinal);
        var active = string.IsNullOrWhiteSpace(options.ActiveKeyId) ? null : options.ActiveKeyId;
        if (options.KeyFile is { Length: > 0 } file)
        {
            if (!File.Exists(file))
            {
                return $"Encryption:KeyFile '{file}' does not exist.";
            }

            KeyFileContent? content;
            try
            {
                content = JsonSerializer.Deserialize<KeyFileContent>(File.ReadAllText(file));
            }
            catch (JsonException)
            {
                return $"Encryption:KeyFile '{file}' is not a key file ({{\"ActiveKeyId\": \"...\", \"Keys\": {{\"id\": \"base64\"}}}}).";
            }

            foreach (var (id, key) in content?.Keys ?? [])
            {
                encoded.TryAdd(id, key);
            }

            active ??= content?.ActiveKeyId;
        }

        if (encoded.Count == 0)
        {
            return MissingKeyMessage;
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, value) in encoded)
        {
            if (!FieldCipherFormat.IsValidKeyId(id))
            {
                return $"Encryption:Keys: the key id '{id}' must be 1-32 letters, digits or '-'.";
            }

            var bytes = new byte[FieldCipherFormat.KeyBytes + 1];
            if (!Convert.TryFromBase64String(value ?? string.Empty, bytes, out var length) || length != FieldCipherFormat.KeyBytes)
            {
                return $"Encryption:Keys:{id} must be {FieldCipherFormat.KeyBytes} bytes in base64 (e.g. openssl rand -base64 32).";
            }

            keys[id] = bytes[..FieldCipherFormat.KeyBytes];
        }

        active ??= keys.Count == 1 ? keys.Keys.Single() : null;
        if (active is null)
        {
            return "Encryption:ActiveKeyId is required when more than one key is configured.";
        }

        if (!keys.ContainsKey(active))
        {
            return $"Encryption:ActiveKeyId '{active}' names no configured key.";
        }

        ring = new FieldKeyRing(active, keys);
        return null;
    }

    private sealed class KeyFileContent
    {
        public string? ActiveKeyId { get; init; }

        public Dictionary<string, string>? Keys { get; init; }
    }
}
