using CallCenter.Core.Seeding;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>Optional work selected by command-line switches or settings.</summary>
internal static class StartupTasks
{
    public const string SeedDemoSwitch = "--seed-demo";

    public static async Task RunStartupTasksAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains(SeedDemoSwitch, StringComparer.Ordinal) || app.Services.GetRequiredService<IOptions<DemoSeedOptions>>().Value.Demo)
        {
            var password = app.Configuration[DemoSeedOptions.PasswordVariable];
            await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(password, Console.Out);
        }
    }
}
