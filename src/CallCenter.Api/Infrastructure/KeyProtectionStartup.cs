using CallCenter.Core.Data.Encryption;

namespace CallCenter.Api.Infrastructure;

/// <summary><c>--reencrypt-fields</c>: rewrites every encrypted field not yet under the active key before the hub serves.</summary>
internal static class KeyProtectionStartup
{
    public const string ReencryptSwitch = "--reencrypt-fields";

    public static async Task ReencryptWhenAskedAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains(ReencryptSwitch, StringComparer.Ordinal))
        {
            var result = await app.Services.GetRequiredService<FieldReencryptor>().RunAsync(app.Lifetime.ApplicationStopping);
            await Console.Out.WriteLineAsync($"Re-encrypted {result.Total} stored values with key {result.ActiveKeyId}.");
        }
    }
}
