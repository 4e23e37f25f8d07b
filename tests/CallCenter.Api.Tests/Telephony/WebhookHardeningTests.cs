using System.Net;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Telephony;

/// <summary>Rate limit and log hygiene of the /twilio routes, each on its own hub.</summary>
public sealed class WebhookHardeningTests
{
    [Fact]
    public async Task Webhooks_BeyondRateLimit_Return429()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var hub = new ApiFactory(database, new Dictionary<string, string?> { ["Telephony:WebhookPermitsPerMinute"] = "2" });
        var twilio = new TwilioWebhookClient(hub);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await twilio.PostAsync("/twilio/voice/status", twilio.CallStatusForm(TwilioWebhookClient.Sid("CA"), CallStatus.Ringing, 0));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Webhooks_WriteNoPhoneNumbersBodiesOrTokensToLogs()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var hub = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Information",
        });
        var twilio = new TwilioWebhookClient(hub);
        var phone = UniqueData.ChinaMobile();
        const string body = "secret-sms-body-4471";
        var token = "idem-" + Guid.NewGuid().ToString("N");
        var callSid = TwilioWebhookClient.Sid("CA");
        var messageSid = TwilioWebhookClient.Sid("SM");

        var voice = await twilio.PostAsync("/twilio/voice", twilio.Voice(callSid, phone));
        Assert.Equal(HttpStatusCode.OK, voice.StatusCode);
        await twilio.PostAsync("/twilio/voice/status", twilio.CallStatusForm(callSid, CallStatus.Completed, 1, 5), token);
        await twilio.PostAsync("/twilio/sms", twilio.Sms(messageSid, phone, body));
        await twilio.PostAsync("/twilio/sms", [new("MessageSid", messageSid), new("From", phone), new("Body", body), new("NumMedia", "x")]);
        await twilio.SendAsync("/twilio/sms", twilio.Sms(messageSid, phone, body), signature: "forged");

        var lines = await ReadLogLinesAsync(hub);

        Assert.True(lines.Any(line => line.Contains(callSid, StringComparison.Ordinal)), // the webhooks were logged
            "no log line names the call; the log has: " + string.Join("\n", lines.Select(l => l.Length > 300 ? l[..300] : l)));
        string[] secrets = [phone, phone[3..], body, token, twilio.Options.AuthToken];
        var leaked = secrets.Where(secret => lines.Any(line => line.Contains(secret, StringComparison.Ordinal))).ToList();
        Assert.True(leaked.Count == 0, $"{leaked.Count} secret value(s) found in the log");
    }

    internal static async Task<IReadOnlyList<string>> ReadLogLinesAsync(ApiFactory hub)
    {
        hub.Services.GetRequiredService<ILoggerFactory>().CreateLogger("flush").LogInformation("end of test");
        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(hub.LogDirectory, "*.log"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
