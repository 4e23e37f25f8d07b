using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>What runs once before the hub takes requests: schema migrations, the first admin, demo data.</summary>
internal static class Initialization
{
    public static async Task InitializeAsync(this WebApplication app, string[] args)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            app.Services.GetRequiredService<SchemaMigrator>().Migrate();
        }

        await app.ReencryptWhenAskedAsync(args);

        var adminPassword = app.Configuration[AdminBootstrapper.PasswordVariable];
        await app.Services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(adminPassword, Console.Out);

        await app.RunStartupTasksAsync(args);
    }
}
