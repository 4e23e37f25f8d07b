using AgentDesk.Contracts;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Callbacks;
using CallCenter.Core.FollowUps;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Callbacks;

/// <summary>
/// Callbacks that happen, end to end over real HTTP through the carrier simulator, nothing replaced: scheduled
/// through the API, fired by the callback job's body (run one pass at a time), dialled, answered and connected to an
/// agent's desk; agent-first and customer-first; busy until the cap and a follow-up task; outside calling hours.
/// </summary>
public sealed class CallbackEndToEndTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AgentFirst_ScheduledCallbackFires_AgentOfferedWithReasonAcceptsAndPatientIsConnected(string engine)
    {
        await using var hub = await CallbackHub.StartAsync(engine);
        var number = UniqueData.ChinaMobile();
        var patientId = await hub.AddPatientAsync(number);
        await using var desk = await hub.AvailableAgentAsync();
        var id = await hub.ScheduleAsync(new
        {
            patientId, number, queue = "general", dueAt = hub.Time.GetUtcNow().AddMinutes(10), reason = "Explain the MRI results", agentId = desk.User.Id,
        });

        Assert.Equal(0, (await hub.RunJobAsync()).Fired);
        Assert.Equal(CallbackStatuses.Scheduled, (await hub.CallbackAsync(id)).Status);
        hub.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, (await hub.RunJobAsync()).Offered);

        var offer = await desk.OfferForAsync("callback:" + id);
        Assert.Equal((DeskWorkKinds.Callback, "general"), (offer.Kind, offer.Queue));
        Assert.Equal("Explain the MRI results", offer.ScreenPop.Callback?.Reason);
        Assert.Equal(patientId, offer.ScreenPop.Patient?.Id);
        var accepted = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        Assert.True(accepted.Ok, accepted.Reason);

        var placed = Assert.Single(await Polling.UntilAsync(() => hub.CallsToAsync(number), c => c.Count > 0, "the patient dialled"));
        var call = await hub.WaitForCallAsync(placed.CallSid, c => c.Lines("connected").Any(), "the patient connected to the agent");
        Assert.Equal(desk.User.UserName, Assert.Single(call.Lines("dial")).Text);
        Assert.Contains(call.Lines("answered-by"), l => l.Text == "human");
        await Polling.UntilAsync(() => Task.FromResult(desk.Connected.Any(c => c.CallSid == placed.CallSid)), c => c, "CallConnected at the desk");

        var hungUp = await desk.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), placed.CallSid);
        Assert.True(hungUp.Ok, hungUp.Reason);
        var done = await hub.WaitForAsync(id, c => c.Status == CallbackStatuses.Done, "the callback done");
        Assert.Equal((1, CallbackOutcomes.Answered, placed.CallSid), (done.Attempts, done.LastOutcome, done.DialCallSid));
        await hub.TimelineWithAsync(patientId, s => s == "Callback attempt 1 of 3: answered", "the answer on the timeline");
        Assert.Single(await hub.CallsToAsync(number));

        // Another offer of the same callback connected late (a second accept that raced the first): no second dial.
        var first = await hub.Services.GetRequiredService<CallCenter.Core.Routing.IOfferReader>().FindAsync(offer.OfferId);
        var again = await hub.Services.GetRequiredService<CallCenter.Core.Desk.IDeskCallControl>().ConnectAsync(first! with { Id = Guid.CreateVersion7() });
        Assert.Equal(DeskErrors.Conflict, again.Error);
        Assert.Single(await hub.CallsToAsync(number));
        Assert.Equal(1, (await hub.CallbackAsync(id)).Attempts);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CustomerFirst_PatientAnswers_HearsWhoCallsJoinsLineAndIsConnectedToAnAgent(string engine)
    {
        await using var hub = await CallbackHub.StartAsync(engine);
        await hub.SetModeAsync("general", "customer-first");
        var number = UniqueData.ChinaMobile();
        var patientId = await hub.AddPatientAsync(number);
        await using var desk = await hub.AvailableAgentAsync();
        var id = await hub.ScheduleAsync(new { patientId, number, queue = "general", reason = "Discharge questions" });

        Assert.Equal(1, (await hub.RunJobAsync()).Dialled);

        var placed = Assert.Single(await Polling.UntilAsync(() => hub.CallsToAsync(number), c => c.Count > 0, "the patient dialled"));
        var inLine = await hub.WaitForCallAsync(placed.CallSid, c => c.Lines("enqueue").Any(), "the patient in line");
        Assert.Equal("general", inLine.Lines("enqueue").Single().Text);
        Assert.Contains(inLine.Said, l => l.Text.StartsWith("您好，这里是医院服务中心，按您的要求给您回电", StringComparison.Ordinal));
        var answered = await hub.CallbackAsync(id);
        Assert.Equal((CallbackStatuses.Done, CallbackOutcomes.Answered, 1), (answered.Status, answered.LastOutcome, answered.Attempts));

        var offer = await desk.OfferForAsync(placed.CallSid);
        Assert.Equal((DeskWorkKinds.Call, patientId), (offer.Kind, offer.ScreenPop.Patient?.Id));
        var accepted = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        Assert.True(accepted.Ok, accepted.Reason);
        var connected = await hub.WaitForCallAsync(placed.CallSid, c => c.Lines("connected").Any(), "the patient connected to the agent");
        Assert.Equal(desk.User.UserName, Assert.Single(connected.Lines("dial")).Text);
        await hub.TimelineWithAsync(patientId, s => s == "Callback attempt 1 of 3: answered", "the answer on the timeline");

        // Another pass dials nothing: the callback is done.
        Assert.Equal(0, (await hub.RunJobAsync()).Fired);
        Assert.Single(await hub.CallsToAsync(number));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Busy_RetriedEveryFifteenMinutesUntilTheCap_ThenFailedWithAFollowUpTask(string engine)
    {
        await using var hub = await CallbackHub.StartAsync(engine);
        await hub.SetModeAsync("general", "customer-first");
        var number = UniqueData.ChinaMobile();
        var patientId = await hub.AddPatientAsync(number);
        await hub.FarEndAsync(number, "busy");
        var id = await hub.ScheduleAsync(new { patientId, number, queue = "general" });

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(1, (await hub.RunJobAsync()).Dialled);
            var ended = await hub.WaitForAsync(id, c => c.Attempts == attempt && c.Status != CallbackStatuses.Dialling, $"attempt {attempt} over");
            Assert.Equal(CallbackOutcomes.Busy, ended.LastOutcome);
            if (attempt < 3)
            {
                Assert.Equal((CallbackStatuses.Scheduled, hub.Time.GetUtcNow().UtcDateTime.AddMinutes(15)), (ended.Status, ended.DueAt));

                // Not due yet: a pass dials nothing.
                Assert.Equal(0, (await hub.RunJobAsync()).Fired);
                hub.Time.Advance(TimeSpan.FromMinutes(15));
            }
        }

        var failed = await hub.CallbackAsync(id);
        Assert.Equal((CallbackStatuses.Failed, 3), (failed.Status, failed.Attempts));
        var calls = await hub.CallsToAsync(number);
        Assert.Equal(["busy", "busy", "busy"], calls.Select(c => c.Status));
        var followUps = await Polling.UntilAsync(
            () => hub.Services.GetRequiredService<IFollowUpRepository>().ForCallAsync("callback:" + id), f => f.Count > 0, "the follow-up task");
        var followUp = Assert.Single(followUps);
        Assert.Equal((FollowUpKinds.CallbackFailed, patientId, FollowUpStatuses.Open), (followUp.Kind, followUp.PatientId, followUp.Status));
        var timeline = await hub.TimelineWithAsync(patientId, s => s.StartsWith("Callback attempt 3 of 3", StringComparison.Ordinal), "the last attempt on the timeline");
        Assert.Contains(timeline, s => s.StartsWith("Callback attempt 1 of 3: busy; next attempt", StringComparison.Ordinal));
        Assert.Contains(timeline, s => s.StartsWith("Callback attempt 2 of 3: busy; next attempt", StringComparison.Ordinal));
        Assert.Contains("Callback attempt 3 of 3: busy; no attempts left, a follow-up task is open", timeline);
        Assert.Equal(0, (await hub.RunJobAsync()).Fired);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AnsweringMachine_CustomerFirst_RecordedAndRetriedNotPutInLine(string engine)
    {
        await using var hub = await CallbackHub.StartAsync(engine);
        await hub.SetModeAsync("general", "customer-first");
        var number = UniqueData.ChinaMobile();
        var patientId = await hub.AddPatientAsync(number);
        await hub.FarEndAsync(number, "machine");
        var id = await hub.ScheduleAsync(new { patientId, number, queue = "general" });

        Assert.Equal(1, (await hub.RunJobAsync()).Dialled);

        var ended = await hub.WaitForAsync(id, c => c.Status == CallbackStatuses.Scheduled, "the machine recorded");
        Assert.Equal((1, CallbackOutcomes.AnsweringMachine), (ended.Attempts, ended.LastOutcome));
        var placed = Assert.Single(await hub.CallsToAsync(number));
        var call = await hub.WaitForCallAsync(placed.CallSid, c => c.Status == "completed", "the call over");
        Assert.Empty(call.Lines("enqueue"));
        Assert.Contains(call.Lines("answered-by"), l => l.Text == "machine_start");
        await hub.TimelineWithAsync(patientId, s => s.StartsWith("Callback attempt 1 of 3: answering-machine", StringComparison.Ordinal), "the machine on the timeline");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OutsideCallingHours_InThePatientsZone_DeferredToTheNextWindowThenFired(string engine)
    {
        await using var hub = await CallbackHub.StartAsync(engine);
        var number = UniqueData.ChinaMobile();

        // 01:00 UTC is 01:00 in London (November): outside 08:00-21:00; in Shanghai it would be 09:00.
        var patientId = await hub.AddPatientAsync(number, "Europe/London");
        var id = await hub.ScheduleAsync(new { patientId, number, queue = "general" });

        Assert.Equal(1, (await hub.RunJobAsync()).Deferred);
        var deferred = await hub.CallbackAsync(id);
        Assert.Equal((CallbackStatuses.Scheduled, new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc), 0), (deferred.Status, deferred.DueAt, deferred.Attempts));
        Assert.Equal(0, (await hub.RunJobAsync()).Fired);
        Assert.Empty(await hub.CallsToAsync(number));

        hub.Time.Advance(TimeSpan.FromHours(7));
        Assert.Equal(1, (await hub.RunJobAsync()).Offered);
        Assert.Equal(CallbackStatuses.Requested, (await hub.CallbackAsync(id)).Status);
    }
}
