using CallCenter.Core.Data.Encryption;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>
/// At start-up, before requests: loads the field-encryption keys (so a development key file is made, and a broken
/// key file stops the hub, now rather than at the first note), and warns when the sign-in keys are stored unencrypted.
/// </summary>
internal sealed partial class KeyProtectionCheck(IFieldCipher cipher, IOptions<AuthOptions> auth, ILogger<KeyProtectionCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        KeysLoaded(logger, cipher.ActiveKeyId);
        if (string.IsNullOrWhiteSpace(auth.Value.DataProtectionCertificatePath))
        {
            SignInKeysUnprotected(logger, auth.Value.DataProtectionKeysPath);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Field encryption: new values are encrypted with key {KeyId}")]
    private static partial void KeysLoaded(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The sign-in keys in {KeysPath} are stored unencrypted: anyone who can read that folder can forge sign-ins. " +
        "Set Auth:DataProtectionCertificatePath (and Auth:DataProtectionCertificatePassword) to encrypt them; see docs/security.md")]
    private static partial void SignInKeysUnprotected(ILogger logger, string keysPath);
}
