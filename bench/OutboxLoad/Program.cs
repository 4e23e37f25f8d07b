using System.Diagnostics;
using System.Globalization;
using CallCenter.Core.Data;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using OutboxLoad;

// Enqueues M due SMS reminders into an empty hub database, starts the carrier simulator and the hub (built dlls, own
// processes), and measures messages/s until the carrier has accepted every one, with the hub's resident memory
// sampled every second. The hub runs its real dispatcher; only the carrier and the sender's rate are the bench's.
// With --kills N the hub is instead killed N times mid-run and every message is counted at the carrier (KillRun).
var options = LoadOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

const string AccountSid = "AC0123456789abcdef0123456789abcdef";
const string From = "+8610955501234";
var culture = CultureInfo.InvariantCulture;
var root = FindRoot();
var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
var scratch = Directory.CreateTempSubdirectory("outbox-load-").FullName;
var hubUrl = $"http://127.0.0.1:{options.HubPort}";
var carrierApi = $"http://127.0.0.1:{options.CarrierPort}/simulator";

DapperConventions.Apply();
var engine = DatabaseEngine.Create(new DatabaseOptions { Provider = options.Engine, ConnectionString = options.Connection });
new SchemaMigrator(engine, NullLogger<SchemaMigrator>.Instance).Migrate();
await using (var check = await engine.OpenAsync())
{
    if (await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification") != 0)
    {
        Console.Error.WriteLine("The database already has notifications: give an empty one.");
        return 2;
    }
}

var enqueue = Stopwatch.StartNew();
await Enqueue(engine, options.Messages);
Console.WriteLine(string.Create(culture, $"Enqueued {options.Messages} due SMS rows in {enqueue.Elapsed.TotalSeconds:F1} s ({options.Engine})"));

await using var carrier = AppProcess.Start(root, "Carrier.Simulator", options.CarrierPort, new Dictionary<string, string>
{
    ["Twilio:AccountSid"] = AccountSid,
    ["Twilio:AuthToken"] = token,
    ["Twilio:PublicBaseUrl"] = hubUrl,
});
await carrier.WaitUntilAnsweringAsync("/simulator/limits");

var settings = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["Database:Provider"] = options.Engine,
    ["Database:ConnectionString"] = options.Connection,
    ["Auth:DataProtectionKeysPath"] = Path.Combine(scratch, "keys"),
    ["Serilog:WriteTo:1:Args:path"] = Path.Combine(scratch, "logs", "callcenter-.log"),
    ["Twilio:AccountSid"] = AccountSid,
    ["Twilio:AuthToken"] = token,
    ["Twilio:ApiBaseUrl"] = carrierApi,
    ["Twilio:PublicBaseUrl"] = hubUrl,
    ["Notifications:Sms:From"] = From,
    // One long code sends 1 a second at Twilio; the bench measures the hub, so the sender's own rate is lifted.
    ["Notifications:Sms:MessagesPerSecond"] = "100000",
    ["Notifications:Sms:Burst"] = "1000",
    ["Notifications:Rules:QuietHours:Start"] = "00:00",
    ["Notifications:Rules:QuietHours:End"] = "24:00",
    ["Notifications:Rules:QuietHours:ClosedOnHolidays"] = "false",
};
foreach (var (key, value) in options.Kills > 0 ? KillRun.Defaults.Concat(options.Settings) : options.Settings)
{
    settings[key] = value;
}

Console.WriteLine("Hub settings: " + string.Join(" ", settings.Where(s => s.Key.StartsWith("Notifications:", StringComparison.Ordinal)).Select(s => s.Key + "=" + s.Value)));
if (options.Kills > 0)
{
    var killRun = await KillRun.RunAsync(root, options, settings, engine, () => CarrierRecord.ListAsync(carrierApi, AccountSid, token, From));
    Directory.Delete(scratch, recursive: true);
    return killRun;
}

var wall = Stopwatch.StartNew();
await using var hub = AppProcess.Start(root, "CallCenter.Api", options.HubPort, settings);
var samples = new List<(double Seconds, long Final, long? RssKiB, long? HwmKiB)>();
var lastPrint = -10.0;
while (true)
{
    await Task.Delay(1000);
    var final = await FinalCount(engine);
    var (hwm, rss) = ProcessMemory.Read(hub.Id);
    var seconds = wall.Elapsed.TotalSeconds;
    samples.Add((seconds, final, rss, hwm));
    if (seconds - lastPrint >= 10 || final >= options.Messages)
    {
        lastPrint = seconds;
        Console.WriteLine(string.Create(culture, $"  t={seconds,6:F0} s  final {final,7}  RSS {Mib(rss)}  peak {Mib(hwm)}"));
    }

    if (final >= options.Messages)
    {
        break;
    }

    if (hub.HasExited)
    {
        Console.Error.WriteLine("The hub exited:\n" + hub.Tail());
        return 1;
    }
}

var (hubCpu, carrierCpu) = (ProcessCpu.Seconds(hub.Id), ProcessCpu.Seconds(carrier.Id));
Console.WriteLine(string.Create(culture,
    $"CPU used: hub {hubCpu:F1} s ({hubCpu * 1000 / options.Messages:F2} ms a message), simulator {carrierCpu:F1} s ({carrierCpu * 1000 / options.Messages:F2} ms a message)"));
await using (var connection = await engine.OpenAsync())
{
    var span = await connection.QuerySingleAsync<SentSpan>(
        "SELECT COUNT(*) AS sent, MIN(sent_at) AS first_sent, MAX(sent_at) AS last_sent FROM notification WHERE carrier_id IS NOT NULL");
    var sendSeconds = (span.LastSent - span.FirstSent)?.TotalSeconds ?? 0;
    Console.WriteLine(string.Create(culture, $"Accepted by the carrier (rows with a carrier sid): {span.Sent}; first to last accepted {sendSeconds:F1} s = {span.Sent / Math.Max(sendSeconds, 0.001):F0} messages/s"));
    Console.WriteLine(string.Create(culture, $"Hub start to all final: {wall.Elapsed.TotalSeconds:F1} s = {options.Messages / wall.Elapsed.TotalSeconds:F0} messages/s including start-up"));
    var statuses = await connection.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM notification GROUP BY status");
    Console.WriteLine("Rows by status: " + string.Join(", ", statuses.Select(s => $"{s.Status} {s.Count}")));
}

var rssValues = samples.Where(s => s.RssKiB is not null).Select(s => s.RssKiB!.Value).ToList();
if (rssValues.Count > 0)
{
    var quarter = rssValues.Count / 4;
    Console.WriteLine(string.Create(culture,
        $"Hub RSS: first quarter max {Mib(rssValues.Take(Math.Max(quarter, 1)).Max())}, last quarter max {Mib(rssValues.Skip(rssValues.Count - Math.Max(quarter, 1)).Max())}, peak over its life (VmHWM) {Mib(samples[^1].HwmKiB)}"));
}

var atCarrier = (await CarrierRecord.ListAsync(carrierApi, AccountSid, token, From)).Count;
Console.WriteLine(string.Create(culture, $"Messages at the carrier from {From}: {atCarrier} (expected {options.Messages})"));
Directory.Delete(scratch, recursive: true);
return atCarrier == options.Messages ? 0 : 1;

static async Task Enqueue(DatabaseEngine engine, int count)
{
    const string InsertSql = """
        INSERT INTO notification (id, patient_id, channel, purpose, template_key, language, subject, body, recipient, correlation, urgent,
            status, status_rank, due_at, expires_at, next_attempt_at, attempts, claim_token, check_carrier,
            first_attempt_at, carrier_id, error, created_at, updated_at, sent_at)
        VALUES (@Id, NULL, 'sms', 'appointment-reminder', NULL, 'zh-CN', NULL, @Body, @Recipient, @Correlation, @False,
            'pending', 0, @Now, NULL, @Now, 0, NULL, @False, NULL, NULL, NULL, @Now, @Now, NULL)
        """;
    var now = DateTime.UtcNow;
    const int Chunk = 2000;
    for (var start = 0; start < count; start += Chunk)
    {
        await using var connection = await engine.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = Enumerable.Range(start, Math.Min(Chunk, count - start)).Select(i => new
        {
            Id = Guid.CreateVersion7(),
            Body = string.Create(CultureInfo.InvariantCulture, $"提醒 {i:D6}: 您明天 09:00 在心内科就诊, 回复 1 确认"),
            Recipient = "+86139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture),
            Correlation = "outbox-load:" + i.ToString(CultureInfo.InvariantCulture),
            False = false,
            Now = now,
        });
        await connection.ExecuteAsync(InsertSql, rows, transaction);
        await transaction.CommitAsync();
    }
}

static async Task<long> FinalCount(DatabaseEngine engine)
{
    await using var connection = await engine.OpenAsync();
    return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification WHERE status NOT IN ('pending', 'sending')");
}

static string FindRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallCenter.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run from inside the repository (CallCenter.sln not found).");
}

static string Mib(long? kib) => kib is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:F1} MiB") : "n/a";

/// <summary>When the first and last accepted rows were accepted.</summary>
internal sealed class SentSpan
{
    public long Sent { get; init; }

    public DateTime? FirstSent { get; init; }

    public DateTime? LastSent { get; init; }
}
