using CallCenter.Core.Calls;
using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Core.Patients;
using CallCenter.Core.Tests.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Calls;

public sealed class CallServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RecordIncoming_CallerIsOnePatient_LinksAndWritesTimelineOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var phone = UniqueData.ChinaMobile();
        var patient = await CreatePatientAsync(services, phone);
        var calls = services.GetRequiredService<CallService>();
        var sid = TestCalls.Sid("CA");

        var first = await calls.RecordIncomingAsync(TestCalls.Incoming(sid, phone));
        var repeat = await calls.RecordIncomingAsync(TestCalls.Incoming(sid, phone));

        Assert.True(first.Created);
        Assert.False(repeat.Created);
        Assert.Equal(first.CallId, repeat.CallId);
        Assert.Equal(patient.Id, first.PatientId);
        var call = await services.GetRequiredService<ICallRepository>().FindBySidAsync(sid);
        Assert.Equal(patient.Id, call!.PatientId);
        Assert.Equal("ringing", call.Status);
        var timeline = await services.GetRequiredService<IInteractionRepository>().TimelineAsync(patient.Id, new PageRequest(1, 50));
        var entry = Assert.Single(timeline.Items);
        Assert.Equal((InteractionKinds.Call, InteractionDirections.Inbound, sid), (entry.Kind, entry.Direction, entry.ExternalId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RecordIncoming_NumberSharedByTwoPatients_LinksNoOne(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var shared = UniqueData.ChinaMobile();
        var mother = await CreatePatientAsync(services, shared);
        var child = await CreatePatientAsync(services, shared);
        var sid = TestCalls.Sid("CA");

        var result = await services.GetRequiredService<CallService>().RecordIncomingAsync(TestCalls.Incoming(sid, shared));

        Assert.True(result.Created);
        Assert.Null(result.PatientId);
        Assert.Null((await services.GetRequiredService<ICallRepository>().FindBySidAsync(sid))!.PatientId);
        var interactions = services.GetRequiredService<IInteractionRepository>();
        Assert.Empty((await interactions.TimelineAsync(mother.Id, new PageRequest(1, 50))).Items);
        Assert.Empty((await interactions.TimelineAsync(child.Id, new PageRequest(1, 50))).Items);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RecordIncoming_ConcurrentDuplicates_CreateOneCallAndOneTimelineEntry(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var phone = UniqueData.ChinaMobile();
        var patient = await CreatePatientAsync(services, phone);
        var calls = services.GetRequiredService<CallService>();
        var sid = TestCalls.Sid("CA");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => calls.RecordIncomingAsync(TestCalls.Incoming(sid, phone)))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.CallId).Distinct());
        var timeline = await services.GetRequiredService<IInteractionRepository>().TimelineAsync(patient.Id, new PageRequest(1, 50));
        Assert.Single(timeline.Items);
        var call = await services.GetRequiredService<ICallRepository>().FindBySidAsync(sid);
        Assert.Single(await services.GetRequiredService<ICallRepository>().EventsAsync(call!.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ApplyStatus_SameTokenTwice_ChangesStateOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var calls = services.GetRequiredService<CallService>();
        var sid = TestCalls.Sid("CA");
        await calls.RecordIncomingAsync(TestCalls.Incoming(sid, UniqueData.ChinaMobile()));
        var token = Guid.NewGuid().ToString();

        var first = await calls.ApplyStatusAsync(TestCalls.Status(sid, CallState.InProgress, 1, token));
        // A retry carries the same token even if (in a buggy proxy) its fields differ: it must not act again.
        var retry = await calls.ApplyStatusAsync(TestCalls.Status(sid, CallState.Completed, 2, token, duration: 30));

        Assert.Equal((WebhookOutcome.Applied, WebhookOutcome.Duplicate), (first, retry));
        var repository = services.GetRequiredService<ICallRepository>();
        var call = await repository.FindBySidAsync(sid);
        Assert.Equal("in-progress", call!.Status);
        Assert.Null(call.DurationSeconds);
        Assert.Equal(["ringing", "in-progress"], (await repository.EventsAsync(call.Id)).Select(e => e.Status));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ApplyStatus_SameSequenceNumberTwice_KeepsOneEvent(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var calls = services.GetRequiredService<CallService>();
        var sid = TestCalls.Sid("CA");
        await calls.RecordIncomingAsync(TestCalls.Incoming(sid, UniqueData.ChinaMobile()));

        var first = await calls.ApplyStatusAsync(TestCalls.Status(sid, CallState.Completed, 3, duration: 42));
        var again = await calls.ApplyStatusAsync(TestCalls.Status(sid, CallState.Completed, 3, duration: 42));

        Assert.Equal((WebhookOutcome.Applied, WebhookOutcome.Duplicate), (first, again));
        var repository = services.GetRequiredService<ICallRepository>();
        var call = await repository.FindBySidAsync(sid);
        Assert.Equal(("completed", 42, 3), (call!.Status, call.DurationSeconds, call.LastSequenceNumber));
        Assert.Equal(_time.GetUtcNow().UtcDateTime, call.EndedAt);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddSeconds(-42), call.AnsweredAt);
        Assert.Equal(2, (await repository.EventsAsync(call.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ApplyStatus_CompletedThenLateRinging_StaysCompletedAndKeepsBoth(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var calls = services.GetRequiredService<CallService>();
        var sid = TestCalls.Sid("CA");

        var completed = await calls.ApplyStatusAsync(TestCalls.Status(sid, CallState.Completed, 2, duration: 10));
        var ringing = await calls.ApplyStatusAsync(TestCalls.Status(sid, CallState.Ringing, 0));
        var busy = await calls.ApplyStatusAsync(TestCalls.Status(sid, CallState.Busy, 3));

        Assert.Equal((WebhookOutcome.Applied, WebhookOutcome.Stale, WebhookOutcome.Stale), (completed, ringing, busy));
        var repository = services.GetRequiredService<ICallRepository>();
        var call = await repository.FindBySidAsync(sid);
        Assert.Equal(("completed", 3), (call!.Status, call.LastSequenceNumber));
        Assert.Equal(["ringing", "completed", "busy"], (await repository.EventsAsync(call.Id)).Select(e => e.Status));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ApplyStatus_ForUnknownCall_CreatesIt(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var sid = TestCalls.Sid("CA");
        var update = TestCalls.Status(sid, CallState.Ringing, 0) with { Direction = "outbound-api", From = "+8610123", To = "+8613800000000" };

        var outcome = await services.GetRequiredService<CallService>().ApplyStatusAsync(update);

        Assert.Equal(WebhookOutcome.Applied, outcome);
        var call = await services.GetRequiredService<ICallRepository>().FindBySidAsync(sid);
        Assert.Equal(("ringing", "outbound-api", "+8613800000000", 0), (call!.Status, call.Direction, call.ToNumber, call.LastSequenceNumber));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ApplyStatus_ConcurrentDuplicateDeliveries_ChangeStateOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var calls = services.GetRequiredService<CallService>();
        var sid = TestCalls.Sid("CA");
        var token = Guid.NewGuid().ToString();

        // The call is unknown too: the deliveries also race to create it.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => calls.ApplyStatusAsync(TestCalls.Status(sid, CallState.InProgress, 1, token)))));

        Assert.Single(outcomes, o => o == WebhookOutcome.Applied);
        Assert.All(outcomes.Where(o => o != WebhookOutcome.Applied), o => Assert.Equal(WebhookOutcome.Duplicate, o));
        var repository = services.GetRequiredService<ICallRepository>();
        var call = await repository.FindBySidAsync(sid);
        Assert.Equal("in-progress", call!.Status);
        Assert.Single(await repository.EventsAsync(call.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RecordIncoming_AfterStatusCallbackCreatedTheCall_LinksCallerAndWritesTimelineOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var phone = UniqueData.ChinaMobile();
        var patient = await CreatePatientAsync(services, phone);
        var calls = services.GetRequiredService<CallService>();
        var sid = TestCalls.Sid("CA");

        // The carrier's "ringing" callback overtakes the voice webhook and creates the call, unlinked.
        await calls.ApplyStatusAsync(TestCalls.Status(sid, CallState.Ringing, 0) with { Direction = "inbound", From = phone, To = "+861065550000" });
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => calls.RecordIncomingAsync(TestCalls.Incoming(sid, phone)))));

        Assert.All(results, r => Assert.False(r.Created));
        Assert.Contains(results, r => r.PatientId == patient.Id);
        Assert.Equal(patient.Id, (await services.GetRequiredService<ICallRepository>().FindBySidAsync(sid))!.PatientId);
        var timeline = await services.GetRequiredService<IInteractionRepository>().TimelineAsync(patient.Id, new PageRequest(1, 50));
        Assert.Equal(sid, Assert.Single(timeline.Items).ExternalId);
    }

    private async Task<Patient> CreatePatientAsync(ServiceProvider services, string phone)
    {
        var patient = TestPatients.New(_time, phones: phone);
        await services.GetRequiredService<IPatientRepository>().CreateAsync(patient);
        return patient;
    }
}
