using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Simulator.Support;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Notifications.Outbox;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Tests.Outbox;

/// <summary>
/// The outbox's promise under the crash it is built for: the hub (the built dll, its own process) sending 1,000 SMS
/// through the carrier simulator (its own process) is killed with SIGKILL three times at random moments while it
/// dispatches and started again each time; in the end the carrier holds every row's message exactly once and every
/// row is final with the carrier's sid. The real dispatcher and settings, with a short lease and poll so the rows a
/// dead hub held come back within seconds.
/// </summary>
public sealed class OutboxCrashTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string From = "+8610955501234";
    private const int Rows = 1_000;
    private const int Kills = 3;
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(4);

    private const string FinalCountSql = "SELECT COUNT(*) FROM notification WHERE status NOT IN ('pending', 'sending')";

    private const string RowsSql = "SELECT status, carrier_id AS CarrierId, body FROM notification";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task HubKilledThreeTimesWhileDispatching_EveryMessageAtTheCarrierExactlyOnce(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var data = Directory.CreateTempSubdirectory("outbox-crash-").FullName;
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var (hubPort, carrierPort) = (DotnetApp.FreePort(), DotnetApp.FreePort());
        var hubUrl = $"http://127.0.0.1:{hubPort}";
        var carrierApi = $"http://127.0.0.1:{carrierPort}/simulator";
        try
        {
            var bodies = await EnqueueAsync(database);
            await using var services = database.CreateServices();
            var db = services.GetRequiredService<IDbConnectionFactory>();

            await using var carrier = DotnetApp.Start("Carrier.Simulator", carrierPort, new Dictionary<string, string>
            {
                ["Twilio:AccountSid"] = AccountSid,
                ["Twilio:AuthToken"] = token,
                ["Twilio:PublicBaseUrl"] = hubUrl,
            });
            await carrier.WaitUntilAnsweringAsync("/simulator/limits");
            var hubSettings = new Dictionary<string, string>
            {
                ["Database:Provider"] = database.Engine,
                ["Database:ConnectionString"] = database.ConnectionString,
                ["Auth:DataProtectionKeysPath"] = Path.Combine(data, "keys"),
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(data, "logs", "callcenter-.log"),
                ["Twilio:AccountSid"] = AccountSid,
                ["Twilio:AuthToken"] = token,
                ["Twilio:ApiBaseUrl"] = carrierApi,
                ["Twilio:PublicBaseUrl"] = hubUrl,
                ["Notifications:Sms:From"] = From,
                // The sender's real token bucket at a rate that keeps a run dispatching for seconds, so kills land mid-way.
                ["Notifications:Sms:MessagesPerSecond"] = "200",
                ["Notifications:Sms:Burst"] = "20",
                ["Notifications:Outbox:Lease"] = "00:00:03",
                // Rows become final a batch at a time: small batches, so that every third of the run has kills to land in
                // (and most kills fall between a batch's sends and its one commit, the case that needs the carrier asked).
                ["Notifications:Outbox:BatchSize"] = "25",
                ["Notifications:Outbox:PollInterval"] = "00:00:00.200",
                ["Notifications:Outbox:RetryBaseDelay"] = "00:00:01",
                ["Notifications:Outbox:RetryMaxDelay"] = "00:00:02",
                ["Notifications:Outbox:MaxAttempts"] = "100",
                // The test runs at whatever hour it runs: no quiet hours for it.
                ["Notifications:Rules:QuietHours:Start"] = "00:00",
                ["Notifications:Rules:QuietHours:End"] = "24:00",
                ["Notifications:Rules:QuietHours:ClosedOnHolidays"] = "false",
            };

            // Kill points: a random count of finished rows in each third of the work (the first two thirds' early parts),
            // then a random few milliseconds more. The hub is not waited for: it dispatches before it answers /health.
            var targets = Enumerable.Range(0, Kills).Select(k => (k * Rows / Kills) + Random.Shared.Next(20, Rows / Kills / 2)).ToArray();
            var killedAt = new List<int>();
            var deadline = DateTime.UtcNow + Guard;
            foreach (var target in targets)
            {
                await using var hub = DotnetApp.Start("CallCenter.Api", hubPort, hubSettings);
                while (await FinalAsync(db) < target)
                {
                    Assert.True(DateTime.UtcNow < deadline && !hub.HasExited, "The hub did not reach " + target + " final rows:\n" + hub.Tail());
                    await Task.Delay(5);
                }

                await Task.Delay(Random.Shared.Next(0, 50));
                Assert.False(hub.HasExited, hub.Tail());
                await hub.KillAsync();
                killedAt.Add(await FinalAsync(db));
            }

            await using (var last = DotnetApp.Start("CallCenter.Api", hubPort, hubSettings))
            {
                await last.WaitUntilAnsweringAsync("/health/ready");
                while (await FinalAsync(db) < Rows)
                {
                    Assert.True(DateTime.UtcNow < deadline && !last.HasExited, "Rows not final:\n" + last.Tail());
                    await Task.Delay(100);
                }

                await last.KillAsync();
            }

            var atCarrier = await CarrierMessagesAsync(carrierApi, token);
            List<RowState> rows;
            await using (var connection = await db.OpenAsync())
            {
                rows = (await connection.QueryAsync<RowState>(RowsSql)).AsList();
            }

            // Killed while rows were still open, each time (else a kill tested nothing).
            Assert.All(killedAt, final => Assert.True(final < Rows, $"killed after {string.Join(", ", killedAt)} final rows"));
            var byBody = atCarrier.GroupBy(m => m.Body).ToDictionary(g => g.Key!, g => g.Select(m => m.Sid).ToList());
            var twice = byBody.Where(b => b.Value.Count > 1).Select(b => b.Key).ToList();
            var lost = bodies.Where(b => !byBody.ContainsKey(b)).ToList();
            Assert.True(twice.Count == 0 && lost.Count == 0, $"{lost.Count} lost, {twice.Count} sent twice (kills after {string.Join(", ", killedAt)} final rows)");
            Assert.Equal(Rows, atCarrier.Count);
            Assert.Equal(Rows, rows.Count);
            Assert.All(rows, row =>
            {
                Assert.NotEqual(NotificationStatuses.Failed, row.Status);
                Assert.Equal(byBody[row.Body].Single(), row.CarrierId);
            });
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    // Through the hub's own outbox (its services on this database, no dispatcher), as a reminder plan enqueues.
    private static async Task<IReadOnlyList<string>> EnqueueAsync(TestDatabase database)
    {
        await using var factory = new ApiFactory(database);
        var outbox = factory.Services.GetRequiredService<INotificationOutbox>();
        var bodies = new List<string>(Rows);
        for (var i = 0; i < Rows; i++)
        {
            var body = $"Reminder {i:D4}: your appointment tomorrow 09:00, reply 1 to confirm";
            bodies.Add(body);
            await outbox.EnqueueAsync(new OutboundMessage
            {
                Channel = NotificationChannels.Sms,
                Purpose = NotificationPurposes.AppointmentReminder,
                Recipient = "+86139" + (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Body = body,
                Correlation = "crash-test:" + i,
            });
        }

        return bodies;
    }

    private static async Task<int> FinalAsync(IDbConnectionFactory db)
    {
        await using var connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<int>(FinalCountSql);
    }

    // Every page of the carrier's record of what this sender sent.
    private static async Task<List<MessageResource>> CarrierMessagesAsync(string apiBase, string token)
    {
        var rest = new TwilioRestClient(
            new HttpClient(),
            Options.Create(new TwilioOptions { AccountSid = AccountSid, AuthToken = token, ApiBaseUrl = apiBase, MaxAttempts = 1 }),
            (_, _) => Task.CompletedTask,
            NullLogger<TwilioRestClient>.Instance);
        var all = new List<MessageResource>();
        var page = await rest.ListMessagesAsync(new MessageListFilter { From = From, PageSize = 100 });
        while (true)
        {
            all.AddRange(page.Messages);
            if (page.NextPageUri is not { } next)
            {
                return all;
            }

            page = await rest.ListMessagesPageAsync(next);
        }
    }

    private sealed class RowState
    {
        public string Status { get; init; } = "";

        public string? CarrierId { get; init; }

        public string Body { get; init; } = "";
    }
}
