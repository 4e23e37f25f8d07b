using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

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
        await using var hub = new ApiFactory(database, new Dictionary<string, string?> { [setting] = value });

        var failed = Assert.ThrowsAny<Exception>(() => hub.CreateClient());

        Assert.Contains(message, failed.ToString(), StringComparison.Ordinal);
    }
}
