using System.Globalization;
using CallCenter.Core.Ivr;
using CallCenter.Core.Tests.Ivr.Ports;
using CallCenter.Core.Patients;
using CallCenter.Core.Queues;
using CallCenter.Testing;
using Ivr.Flows.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Tests.Ivr;

/// <summary>
/// The IVR run by the Core alone, without the web host: a call through a menu, a verification and a queue, with the
/// caller's outcome stored beside the session and routing told once the session holding the queued turn is stored.
/// </summary>
public sealed class FlowRunnerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private readonly string _flows = Directory.CreateTempSubdirectory("callcenter-core-flows-").FullName;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Call_WrongThenRightRecordNumberAndBirthDateThenQueue_KeepsTheOutcomeAndWakesRoutingOnce(string engine)
    {
        var arrivals = new CountingArrivals();
        await using var services = await ServicesAsync(engine, arrivals);
        var (number, queue) = await WriteFlowAsync(services);
        var mrn = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        var patientId = await AddPatientAsync(services, mrn);
        var runner = services.GetRequiredService<FlowRunner>();
        var outcomes = services.GetRequiredService<IIvrOutcomeReader>();
        var sid = "CA" + Guid.NewGuid().ToString("N");

        Assert.NotNull(await services.GetRequiredService<FlowCallHandler>().AnswerAsync(Call(sid, number), CancellationToken.None));
        await runner.ContinueCallAsync(sid, Gathered(sid, "menu", 1, "1"), CancellationToken.None);
        await runner.ContinueCallAsync(sid, Gathered(sid, "verify", 2, "12345#"), CancellationToken.None);
        await runner.ContinueCallAsync(sid, Gathered(sid, "verify", 3, "19800115"), CancellationToken.None);
        var failed = await outcomes.FindAsync(sid);
        var arrivedBefore = arrivals.Count;
        await runner.ContinueCallAsync(sid, Gathered(sid, "verify", 4, mrn + "#"), CancellationToken.None);
        await runner.ContinueCallAsync(sid, Gathered(sid, "verify", 5, "19800115"), CancellationToken.None);
        var verified = await outcomes.FindAsync(sid);

        Assert.Equal((IvrVerification.Failed, 0), (failed!.Verification, arrivedBefore));
        Assert.Equal((IvrVerification.Verified, "en-US", 1), (verified!.Verification, verified.Language, arrivals.Count));
        Assert.Equal(["1"], verified.MenuPath);
        Assert.Equal(["menu", "verify", "queue"], verified.Steps);
        var stored = await services.GetRequiredService<IFlowSessionRepository>().FindAsync(sid);
        Assert.DoesNotContain(mrn, stored!.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", stored.Outcome, StringComparison.Ordinal);
        Assert.Equal(queue, (await services.GetRequiredService<IQueueRepository>().FindByCallSidAsync(sid))!.QueueName);

        // Every row the IVR wrote about the patient during the call names the call.
        var audit = await IvrPortServices.IvrAuditAsync(services, patientId);
        Assert.NotEmpty(audit);
        Assert.All(audit, row => Assert.StartsWith($"call {sid}; ", row.Detail, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Outcome_CallWithoutFlow_IsNull(string engine)
    {
        await using var services = await ServicesAsync(engine, new CountingArrivals());

        Assert.Null(await services.GetRequiredService<IIvrOutcomeReader>().FindAsync("CA" + Guid.NewGuid().ToString("N")));
        Assert.Null(await services.GetRequiredService<FlowRunner>().ContinueCallAsync(
            "CA" + Guid.NewGuid().ToString("N"), Gathered("CA0", "menu", 1, "1"), CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_flows, recursive: true);

    private async Task<ServiceProvider> ServicesAsync(string engine, CountingArrivals arrivals) => IvrServices.Create(
        await fixture.GetAsync(engine),
        new FakeTimeProvider(Now),
        new Dictionary<string, string?> { ["Ivr:FlowsPath"] = _flows },
        services => services.AddSingleton<IQueueArrivalSignal>(arrivals));

    private async Task<(string Number, string Queue)> WriteFlowAsync(IServiceProvider services)
    {
        var queue = UniqueData.Name("queue");
        Assert.True(await services.GetRequiredService<IQueueSettingsRepository>().TryCreateAsync(
            new QueueSettings { Name = queue, DisplayName = queue, CreatedAt = Now.UtcDateTime }));
        var number = "+86105" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(_flows, $"core-{Guid.NewGuid():N}.json"), $$"""
            {
              "id": "core-{{Guid.NewGuid().ToString("N")[..8]}}", "kind": "voice", "numbers": ["{{number}}"], "languages": ["en-US"], "start": "menu",
              "steps": [
                { "id": "menu", "type": "menu", "prompt": { "en-US": "Press 1" }, "options": { "1": "verify" }, "fallback": "bye" },
                { "id": "verify", "type": "verify", "method": "mrn", "retries": 2,
                  "prompt": { "en-US": "Your record number, then hash" }, "invalidPrompt": { "en-US": "No match" },
                  "verified": "queue", "fallback": "bye" },
                { "id": "queue", "type": "enqueue", "queue": "{{queue}}", "next": "bye" },
                { "id": "bye", "type": "hangup", "prompt": { "en-US": "Goodbye" } }
              ]
            }
            """);
        await services.GetRequiredService<FlowRegistry>().ReloadAsync(CancellationToken.None);
        return (number, queue);
    }

    private static async Task<Guid> AddPatientAsync(IServiceProvider services, string mrn)
    {
        var patient = new Patient
        {
            Id = Guid.CreateVersion7(), FullName = UniqueData.Name("patient"), Gender = Genders.Unknown, PreferredLanguage = "en-US",
            TimeZone = "Asia/Shanghai", Mrn = mrn, DateOfBirth = new DateOnly(1980, 1, 15), CreatedAt = Now.UtcDateTime, UpdatedAt = Now.UtcDateTime,
        };
        Assert.Equal(PatientSaveResult.Saved, await services.GetRequiredService<IPatientRepository>().CreateAsync(patient));
        return patient.Id;
    }

    private static VoiceRequest Call(string sid, string number) => new()
    {
        CallSid = sid, AccountSid = "AC0123", From = UniqueData.ChinaMobile(), To = number, CallStatus = CallStatus.Ringing,
    };

    private static FlowInput Gathered(string sid, string step, int turn, string digits) =>
        new() { Event = FlowEvent.Gathered, Step = step, Turn = turn, Digits = digits, Sid = sid };

    private sealed class CountingArrivals : IQueueArrivalSignal
    {
        private int _count;

        public int Count => _count;

        public void WorkArrived() => Interlocked.Increment(ref _count);
    }
}
