using CallCenter.Core.Data;
using CallCenter.Core.Retention;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Retention;

/// <summary>Webhook receipts, IVR sessions and SMS bodies older than their configured age go; newer ones stay.</summary>
public sealed class RetentionPurgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 3, 45, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Purge_RowsOlderThanTheirAge_GoAndNewerOnesStay(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var services = database.CreateServices(new FakeTimeProvider(Now), new Dictionary<string, string?>
        {
            ["Retention:WebhookReceiptDays"] = "30",
            ["Retention:IvrSessionDays"] = "180",
            ["Retention:MessageBodyDays"] = "365",
            ["Retention:BatchSize"] = "100",
        });
        var now = Now.UtcDateTime;
        await using (var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync())
        {
            // 150 old receipts: more than one batch.
            for (var i = 0; i < 150; i++)
            {
                await RetentionRows.ReceiptAsync(connection, $"old-{i}", now.AddDays(-30).AddMinutes(-1 - i));
            }

            await RetentionRows.ReceiptAsync(connection, "new", now.AddDays(-30).AddMinutes(1));
            await RetentionRows.SessionAsync(connection, "CA-old", now.AddDays(-180).AddMinutes(-1));
            await RetentionRows.SessionAsync(connection, "CA-new", now.AddDays(-180).AddMinutes(1));
            await RetentionRows.MessageAsync(connection, "SM-old", "old body", now.AddDays(-365).AddMinutes(-1));
            await RetentionRows.MessageAsync(connection, "SM-new", "new body", now.AddDays(-365).AddMinutes(1));
        }

        var result = await services.GetRequiredService<RetentionPurger>().PurgeAsync();

        Assert.Equal(new RetentionResult(150, 1, 1), result);
        await using var check = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(["new"], await check.QueryAsync<string>("SELECT idempotency_token FROM webhook_receipt"));
        Assert.Equal(["CA-new"], await check.QueryAsync<string>("SELECT session_key FROM ivr_session"));
        var messages = (await check.QueryAsync<(string Sid, string? Body, string Status)>(
            "SELECT message_sid, body, status FROM message ORDER BY message_sid")).ToList();
        Assert.Equal([("SM-new", "new body", "received"), ("SM-old", null, "received")], messages);
        Assert.Equal(new RetentionResult(0, 0, 0), await services.GetRequiredService<RetentionPurger>().PurgeAsync());
    }

    [Theory]
    [InlineData("Retention:WebhookReceiptDays", "1")]
    [InlineData("Retention:IvrSessionDays", "6")]
    [InlineData("Retention:MessageBodyDays", "29")]
    [InlineData("Retention:BatchSize", "0")]
    public async Task Options_BelowTheSafeMinimum_AreRefusedNamingTheSetting(string setting, string value)
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var services = database.CreateServices(settings: new Dictionary<string, string?> { [setting] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);

        Assert.Contains(setting + " must be between", refused.Message, StringComparison.Ordinal);
    }
}
