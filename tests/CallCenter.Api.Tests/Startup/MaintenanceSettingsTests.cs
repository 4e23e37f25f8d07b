using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace CallCenter.Api.Tests.Startup;

/// <summary>Retention and backup settings that would lose data or never run stop the hub at start-up, naming the setting.</summary>
public sealed class MaintenanceSettingsTests
{
    [Theory]
    [InlineData("Retention:WebhookReceiptDays", "1", "Retention:WebhookReceiptDays must be between 2 and 36500")]
    [InlineData("Retention:IvrSessionDays", "0", "Retention:IvrSessionDays must be between 7 and 36500")]
    [InlineData("Backup:Keep", "0", "Backup:Keep must be between 1 and 10000")]
    [InlineData("Backup:Cron", "every night", "Backup:Cron 'every night' is not a Quartz cron expression")]
    public async Task Hub_WithABadMaintenanceSetting_DoesNotStartAndSaysWhich(string setting, string value, string message)
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var scratch = Directory.CreateTempSubdirectory("callcenter-settings-").FullName;
        try
        {
            // Built as Program builds it: WebApplicationFactory hides why a host failed to start behind ObjectDisposedException.
            var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
                builder.WebHost.UseTestServer();
                builder.Configuration.AddInMemoryCollection(database.Settings);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    [CallCenter.Core.Accounts.AdminBootstrapper.PasswordVariable] = ApiFactory.AdminPassword,
                    ["Auth:DataProtectionKeysPath"] = Path.Combine(scratch, "keys"),
                    ["Serilog:WriteTo:1:Args:path"] = Path.Combine(scratch, "logs", "callcenter-.log"),
                    ["Jobs:StartScheduler"] = "false",
                    [setting] = value,
                });
                builder.AddCallCenterApi();
                await using var app = builder.Build();
                app.UseCallCenterApi();
                app.MapCallCenterEndpoints();
                await app.StartAsync();
                await app.StopAsync();
            });

            Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
