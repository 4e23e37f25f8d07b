using System.Security.Cryptography;
using CallCenter.Core.Data.Encryption;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Tests.Data.Encryption;

/// <summary>Where keys come from, what stops start-up, and what a stored value looks like.</summary>
public sealed class FieldKeyRingTests : IDisposable
{
    private const string KeyA = "dGVzdC1maWVsZC1lbmNyeXB0aW9uLWtleS0zMmJ5dGU=";
    private const string KeyB = "c2Vjb25kLWZpZWxkLWVuY3J5cHRpb24ta2V5LTMyYnk=";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("field-keys-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Problem_WithNoKeyAndNoKeyFile_NamesTheSettings()
    {
        var problem = FieldKeyRing.Problem(new EncryptionOptions());

        Assert.Equal(FieldKeyRing.MissingKeyMessage, problem);
        Assert.Contains("Encryption:Keys:<id>", problem, StringComparison.Ordinal);
        Assert.Contains("Encryption:KeyFile", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k1", "bm90LTMyLWJ5dGVz", "Encryption:Keys:k1 must be 32 bytes")]
    [InlineData("k1", "%%%", "Encryption:Keys:k1 must be 32 bytes")]
    [InlineData("bad_id", KeyA, "key id 'bad_id'")]
    public void Problem_WithABadKey_NamesIt(string id, string value, string expected)
    {
        var options = new EncryptionOptions();
        options.Keys[id] = value;

        Assert.Contains(expected, FieldKeyRing.Problem(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_WithTwoKeysAndNoActiveOne_AsksForActiveKeyId()
    {
        var options = new EncryptionOptions();
        options.Keys["a"] = KeyA;
        options.Keys["b"] = KeyB;

        Assert.Contains("Encryption:ActiveKeyId is required", FieldKeyRing.Problem(options), StringComparison.Ordinal);
        options.ActiveKeyId = "c";
        Assert.Contains("Encryption:ActiveKeyId 'c' names no configured key", FieldKeyRing.Problem(options), StringComparison.Ordinal);
        options.ActiveKeyId = "b";
        Assert.Null(FieldKeyRing.Problem(options));
    }

    [Fact]
    public void Load_WithGenerateKeyFile_WritesOneOwnerOnlyKeyFileOnce_AndEveryLoadUsesIt()
    {
        var file = Path.Combine(_folder.FullName, "nested", "field-encryption.json");
        var options = new EncryptionOptions { KeyFile = file, GenerateKeyFile = true };
        Assert.Null(FieldKeyRing.Problem(options));

        var first = FieldKeyRing.Load(options, out var generated);
        var second = FieldKeyRing.Load(options, out var generatedAgain);

        Assert.True(generated);
        Assert.False(generatedAgain);
        Assert.Equal(first.ActiveKeyId, second.ActiveKeyId);
        Assert.Equal(first.Keys[first.ActiveKeyId], second.Keys[second.ActiveKeyId]);
        Assert.Equal(32, first.Keys[first.ActiveKeyId].Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var text = new FieldCipher(first).Encrypt("written by one node");
        Assert.Equal("written by one node", new FieldCipher(second).Decrypt(text));
    }

    [Fact]
    public void Load_WithoutGenerateKeyFile_AndAMissingKeyFile_NamesTheFile()
    {
        var options = new EncryptionOptions { KeyFile = Path.Combine(_folder.FullName, "absent.json") };

        Assert.Contains("absent.json' does not exist", FieldKeyRing.Problem(options), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => FieldKeyRing.Load(options, out _));
        Assert.False(File.Exists(options.KeyFile));
    }

    [Fact]
    public void KeyFileAndConfiguration_AreOneRing_ConfigurationNamingTheActiveKey()
    {
        var file = Path.Combine(_folder.FullName, "keys.json");
        File.WriteAllText(file, $$$"""{"ActiveKeyId": "old", "Keys": {"old": "{{{KeyA}}}"}}""");
        var fileOnly = new FieldCipher(FieldKeyRing.Load(new EncryptionOptions { KeyFile = file }, out _));
        var stored = fileOnly.Encrypt("from the file's key");
        var options = new EncryptionOptions { KeyFile = file, ActiveKeyId = "new" };
        options.Keys["new"] = KeyB;

        var both = new FieldCipher(FieldKeyRing.Load(options, out _));

        Assert.Equal("new", both.ActiveKeyId);
        Assert.Equal("from the file's key", both.Decrypt(stored));
        Assert.StartsWith("enc:v1:new:", both.Encrypt("x"), StringComparison.Ordinal);
        Assert.False(both.IsCurrent(stored));
        Assert.True(both.IsCurrent(both.Encrypt("y")));
    }

    [Fact]
    public void Encrypt_TheSameTextTwice_GivesDifferentCiphertexts_AndATamperedValueIsRefused()
    {
        var cipher = Cipher(KeyA);
        var once = cipher.Encrypt("same text")!;
        var twice = cipher.Encrypt("same text")!;
        Assert.NotEqual(once, twice);

        var bytes = Convert.FromBase64String(once[FieldCipherFormat.PrefixFor("a").Length..]);
        bytes[^1] ^= 1;
        var tampered = FieldCipherFormat.PrefixFor("a") + Convert.ToBase64String(bytes);
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(tampered));

        // The key id is authenticated: a value relabelled with another configured key id does not decrypt.
        var options = new EncryptionOptions { ActiveKeyId = "a" };
        options.Keys["a"] = KeyA;
        options.Keys["b"] = KeyA;
        var two = new FieldCipher(Options.Create(options), NullLogger<FieldCipher>.Instance);
        var relabelled = "enc:v1:b:" + two.Encrypt("label")![FieldCipherFormat.PrefixFor("a").Length..];
        Assert.ThrowsAny<CryptographicException>(() => two.Decrypt(relabelled));
    }

    [Fact]
    public void Decrypt_TextWithoutTheMarker_IsReturnedAsWritten()
    {
        var cipher = Cipher(KeyA);

        Assert.Equal("a note from before encryption", cipher.Decrypt("a note from before encryption"));
        Assert.Null(cipher.Decrypt(null));
        Assert.Null(cipher.Encrypt(null));
        Assert.Equal(string.Empty, cipher.Decrypt(cipher.Encrypt(string.Empty)));
    }

    private static FieldCipher Cipher(string key)
    {
        var options = new EncryptionOptions();
        options.Keys["a"] = key;
        return new FieldCipher(FieldKeyRing.Load(options, out _));
    }
}
