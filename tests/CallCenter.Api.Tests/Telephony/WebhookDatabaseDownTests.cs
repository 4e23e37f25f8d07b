using System.Net;
using System.Text.Json;
using CallCenter.Api.Telephony;
using CallCenter.Api.Tests.Desk.Voice;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Ivr;
using CallCenter.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;
using Twilio.Protocol.Tests.Reference;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Telephony;

/// <summary>
/// Issue 15 point 15: a hub whose database really cannot be reached (PostgreSQL refusing connections to it, SQLite's
/// file gone and its path unusable) answers callers with an apology and SMS webhooks with 503, never a 500, and logs
/// the failure as an error without the caller's number.
/// </summary>
public sealed class WebhookDatabaseDownTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Voice_DatabaseUnreachable_AnswersApologyTwimlAndLogsError(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database);
        var twilio = new TwilioWebhookClient(hub);
        var phone = UniqueData.ChinaMobile();
        var before = await twilio.PostAsync("/twilio/voice", twilio.Voice(TwilioWebhookClient.Sid("CA"), phone));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode); // the hub works until its database goes away

        await using (await Outage.StartAsync(database))
        {
            var voice = await twilio.PostAsync("/twilio/voice", twilio.Voice(TwilioWebhookClient.Sid("CA"), phone));
            var status = await twilio.PostAsync("/twilio/voice/status", twilio.CallStatusForm(TwilioWebhookClient.Sid("CA"), Twilio.Protocol.Webhooks.CallStatus.Ringing, 0));

            var twiml = await IvrHub.TwimlAsync(voice);
            Assert.Equal([FlowApology.Chinese, FlowApology.English], IvrHub.Spoken(twiml));
            Assert.Equal(["Say", "Say", "Hangup"], twiml.Root!.Elements().Select(e => e.Name.LocalName));
            Assert.Equal(["zh-CN", "en-US"], twiml.Root.Elements("Say").Select(s => (string?)s.Attribute("language")));
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            // And it is TwiML the way Twilio's own helper library writes it.
            var served = await voice.Content.ReadAsStringAsync();
            Assert.Equal(CanonicalXml.Normalize(await DeskTwimlReferenceTests.RebuildAsync("apology", served)), CanonicalXml.Normalize(served));
        }

        var lines = await WebhookHardeningTests.ReadLogLinesAsync(hub);
        Assert.Contains(lines, line => line.Contains("the database is unreachable", StringComparison.Ordinal)
            && line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) && line.Contains("/twilio/voice", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(phone[3..], StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Sms_DatabaseUnreachable_Returns503Problem(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database);
        var twilio = new TwilioWebhookClient(hub);
        var before = await twilio.PostAsync("/twilio/sms", twilio.Sms(TwilioWebhookClient.Sid("SM"), UniqueData.ChinaMobile(), "hello"));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await using (await Outage.StartAsync(database))
        {
            var sms = await twilio.PostAsync("/twilio/sms", twilio.Sms(TwilioWebhookClient.Sid("SM"), UniqueData.ChinaMobile(), "hello"));
            var status = await twilio.PostAsync("/twilio/sms/status", twilio.SmsStatus(TwilioWebhookClient.Sid("SM"), Twilio.Protocol.Webhooks.MessageStatus.Delivered));

            Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (sms.StatusCode, status.StatusCode));
            Assert.Equal("application/problem+json", sms.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await sms.Content.ReadAsStringAsync());
            Assert.Equal("Database unavailable", problem.RootElement.GetProperty("title").GetString());
            Assert.True(sms.Headers.RetryAfter is not null);
        }
    }

    [Fact]
    public async Task Voice_BugThatIsNotTheDatabase_StillReturns500()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var hub = new ApiFactory(database);
        await using var broken = hub.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IIncomingCallHandler, BrokenHandler>())));
        var form = new TwilioWebhookClient(hub).Voice(TwilioWebhookClient.Sid("CA"), UniqueData.ChinaMobile());
        // This host has its own simulator token: sign with it.
        var options = broken.Services.GetRequiredService<IOptions<TwilioOptions>>().Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(
            Twilio.Protocol.Webhooks.TwilioWebhookHeaders.Signature,
            TwilioSignature.SignForm(options.AuthToken, WebhookUrl.Combine(options.PublicBaseUrl!, "/twilio/voice"), form));

        var response = await broken.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(FlowApology.English, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class BrokenHandler : IIncomingCallHandler
    {
        public Task<string> AnswerAsync(IncomingCallContext call, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A bug in the handler, not the database.");
    }

    /// <summary>Takes a test database out of reach of the hub until disposed, the way a real outage would.</summary>
    private sealed class Outage : IAsyncDisposable
    {
        private readonly TestDatabase _database;

        private Outage(TestDatabase database) => _database = database;

        public static async Task<Outage> StartAsync(TestDatabase database)
        {
            var outage = new Outage(database);
            await outage.SetAsync(available: false);
            return outage;
        }

        public ValueTask DisposeAsync() => new(SetAsync(available: true));

        private async Task SetAsync(bool available)
        {
            switch (_database.Engine)
            {
                case TestEngines.Sqlite:
                    // The file goes and a directory takes its path: every open fails with SQLITE_CANTOPEN.
                    var file = new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;
                    SqliteConnection.ClearAllPools();
                    if (available)
                    {
                        Directory.Delete(file);
                        return;
                    }

                    // The hub's background workers keep opening the database, and an open recreates a missing file:
                    // one can land between the delete and the directory taking the path, so try until the path is ours.
                    for (var attempt = 1; ; attempt++)
                    {
                        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                        {
                            File.Delete(file + suffix);
                        }

                        try
                        {
                            Directory.CreateDirectory(file);
                            break;
                        }
                        catch (IOException) when (attempt < 100 && File.Exists(file))
                        {
                            SqliteConnection.ClearAllPools();
                        }
                    }

                    break;
                case TestEngines.Postgres:
                    var name = new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database!;
                    await using (var server = new NpgsqlConnection(TestEngines.ServerConnectionString(TestEngines.Postgres)))
                    {
                        await server.OpenAsync();
                        await using var command = server.CreateCommand();
                        command.CommandText = $"""
                            ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS {(available ? "true" : "false")};
                            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid();
                            """;
                        await command.ExecuteNonQueryAsync();
                    }

                    NpgsqlConnection.ClearAllPools();
                    break;
                case TestEngines.SqlServer:
                    var catalog = new SqlConnectionStringBuilder(_database.ConnectionString).InitialCatalog;
                    await using (var server = new SqlConnection(TestEngines.ServerConnectionString(TestEngines.SqlServer)))
                    {
                        await server.OpenAsync();
                        await using var command = server.CreateCommand();
                        command.CommandText = available
                            ? $"ALTER DATABASE [{catalog}] SET ONLINE"
                            : $"ALTER DATABASE [{catalog}] SET OFFLINE WITH ROLLBACK IMMEDIATE";
                        await command.ExecuteNonQueryAsync();
                    }

                    SqlConnection.ClearAllPools();
                    break;
                default:
                    throw new ArgumentException($"Unknown engine '{_database.Engine}'.");
            }
        }
    }
}
