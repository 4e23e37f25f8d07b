using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>What runs once before the hub takes requests: schema migrations, re-encryption when asked, the first admin, demo data.</summary>
internal static class Initialization
{
    public const string ReencryptSwitch = "--reencrypt-fields";

    public static async Task InitializeAsync(this WebApplication app, string[] args)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            app.Services.GetRequiredService<SchemaMigrator>().Migrate();
        }

        // --reencrypt-fields: rewrite every encrypted field not yet under the active key (after a key rotation, or on
        // rows from before encryption) before the hub serves.
        if (args.Contains(ReencryptSwitch, StringComparer.Ordinal))
        {
            var result = await app.Services.GetRequiredService<FieldReencryptor>().RunAsync(app.Lifetime.ApplicationStopping);
            await Console.Out.WriteLineAsync($"Re-encrypted {result.Total} stored values with key {result.ActiveKeyId}.");
        }

        var adminPassword = app.Configuration[AdminBootstrapper.PasswordVariable];
        await app.Services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(adminPassword, Console.Out);

        await app.RunStartupTasksAsync(args);
    }
}
