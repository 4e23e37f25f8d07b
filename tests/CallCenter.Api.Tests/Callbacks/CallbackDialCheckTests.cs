using System.Net;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Callbacks;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Callbacks;

/// <summary>
/// Callbacks stuck mid-dial: the carrier simulator drops every final status callback (as if the hub had been down), so
/// the hub never hears how the dial ended; the dial check asks the carrier for the call and ends the attempt as the
/// carrier says, once. A webhook that arrives after the check changes nothing; a call the carrier does not know
/// counts as failed and is retried by the rules. Over real HTTP, nothing replaced.
/// </summary>
public sealed class CallbackDialCheckTests
{
    private static readonly TimeSpan CheckAfter = new CallbackOptions().DialCheckAfter;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CustomerFirst_FinalStatusDropped_CheckEndsTheAttemptAsTheCarrierSaysAndTheLateWebhookChangesNothing(string engine)
    {
        await using var hub = await CallbackHub.StartAsync(engine);
        var (id, patientId, number, placed) = await StuckBusyDialAsync(hub);

        // Not in flight for long enough yet: left alone.
        Assert.Equal((0, 0), Counts(await hub.CheckDialsAsync()));
        Assert.Equal(CallbackStatuses.Dialling, (await hub.CallbackAsync(id)).Status);

        hub.Time.Advance(CheckAfter + TimeSpan.FromSeconds(1));
        Assert.Equal((1, 0), Counts(await hub.CheckDialsAsync()));

        var ended = await hub.CallbackAsync(id);
        Assert.Equal(
            (CallbackStatuses.Scheduled, 1, CallbackOutcomes.Busy, hub.Time.GetUtcNow().UtcDateTime.AddMinutes(15)),
            (ended.Status, ended.Attempts, ended.LastOutcome, ended.DueAt));
        await hub.TimelineWithAsync(patientId, s => s.StartsWith("Callback attempt 1 of 3: busy; next attempt", StringComparison.Ordinal), "the outcome on the timeline");

        // The dropped webhook comes after all: answered 200, and nothing moves.
        using var late = await hub.PostFinalStatusAsync(id, 1, placed, CallStatus.Busy);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(ended, await hub.CallbackAsync(id));
        Assert.Equal((0, 0), Counts(await hub.CheckDialsAsync()));
        Assert.Single(await hub.TimelineAsync(patientId), s => s.StartsWith("Callback attempt 1 of 3", StringComparison.Ordinal));
        Assert.Single(await hub.CallsToAsync(number));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CustomerFirst_CallUnknownToTheCarrier_CountsAsFailedAndIsRetriedByTheRules(string engine)
    {
        await using var hub = await CallbackHub.StartAsync(engine);
        var (id, patientId, number, _) = await StuckBusyDialAsync(hub);
        await hub.Services.GetRequiredService<ICallbackRepository>().RecordDialAsync(id, 1, "CA00000000000000000000000000000000");

        hub.Time.Advance(CheckAfter + TimeSpan.FromSeconds(1));
        Assert.Equal((0, 1), Counts(await hub.CheckDialsAsync()));

        var failed = await hub.CallbackAsync(id);
        Assert.Equal((CallbackStatuses.Scheduled, 1, CallbackOutcomes.Failed), (failed.Status, failed.Attempts, failed.LastOutcome));
        await hub.TimelineWithAsync(patientId, s => s.StartsWith("Callback attempt 1 of 3: failed; next attempt", StringComparison.Ordinal), "the failure on the timeline");

        // Retried after the retry delay, as any failed attempt.
        hub.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, (await hub.RunJobAsync()).Dialled);
        await Polling.UntilAsync(() => hub.CallsToAsync(number), c => c.Count == 2, "the second dial");
        Assert.Equal(2, (await hub.CallbackAsync(id)).Attempts);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AgentFirst_FinalStatusDropped_StillGoingIsLeftThenTheEndedCallIsDoneOnce(string engine)
    {
        var checkAfter = TimeSpan.FromMinutes(2);
        await using var hub = await CallbackHub.StartAsync(engine, new Dictionary<string, string?> { ["Callbacks:DialCheckAfter"] = "00:02:00" });
        await hub.DropFinalStatusAsync(true);
        var number = UniqueData.ChinaMobile();
        var patientId = await hub.AddPatientAsync(number);
        await using var desk = await hub.AvailableAgentAsync();
        var id = await hub.ScheduleAsync(new { patientId, number, queue = "general", reason = "Results" });
        Assert.Equal(1, (await hub.RunJobAsync()).Offered);
        var offer = await desk.OfferForAsync("callback:" + id);
        var accepted = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        Assert.True(accepted.Ok, accepted.Reason);
        var placed = Assert.Single(await Polling.UntilAsync(() => hub.CallsToAsync(number), c => c.Count > 0, "the patient dialled"));
        await hub.WaitForCallAsync(placed.CallSid, c => c.Lines("connected").Any(), "the patient connected to the agent");
        await hub.WaitForAsync(id, c => c.DialCallSid == placed.CallSid, "the dial recorded");

        // Talking: the carrier says the call goes on, so the attempt stays as it is and is not asked about again at once.
        hub.Time.Advance(checkAfter + TimeSpan.FromSeconds(1));
        var talking = await hub.CheckDialsAsync();
        Assert.Equal((0, 0, 1), (talking.Ended, talking.Unknown, talking.StillGoing));
        Assert.Equal(CallbackStatuses.Assigned, (await hub.CallbackAsync(id)).Status);

        var hungUp = await desk.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), placed.CallSid);
        Assert.True(hungUp.Ok, hungUp.Reason);
        await hub.WaitForCallAsync(placed.CallSid, c => c.Lines("status-callback-dropped").Any(), "the final status dropped");
        Assert.Equal((0, 0, 0), Counts3(await hub.CheckDialsAsync()));
        Assert.Equal(CallbackStatuses.Assigned, (await hub.CallbackAsync(id)).Status);

        hub.Time.Advance(checkAfter + TimeSpan.FromSeconds(1));
        Assert.Equal((1, 0, 0), Counts3(await hub.CheckDialsAsync()));
        var done = await hub.CallbackAsync(id);
        Assert.Equal((CallbackStatuses.Done, 1, CallbackOutcomes.Answered), (done.Status, done.Attempts, done.LastOutcome));

        using var late = await hub.PostFinalStatusAsync(id, 1, placed.CallSid, CallStatus.Completed);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(done, await hub.CallbackAsync(id));
        Assert.Single(await hub.TimelineAsync(patientId), s => s.StartsWith("Callback attempt 1 of 3", StringComparison.Ordinal));
    }

    /// <summary>A customer-first callback dialled to a busy phone whose final status callback the carrier dropped.</summary>
    private static async Task<(Guid Id, Guid PatientId, string Number, string CallSid)> StuckBusyDialAsync(CallbackHub hub)
    {
        await hub.SetModeAsync("general", "customer-first");
        await hub.DropFinalStatusAsync(true);
        var number = UniqueData.ChinaMobile();
        var patientId = await hub.AddPatientAsync(number);
        await hub.FarEndAsync(number, "busy");
        var id = await hub.ScheduleAsync(new { patientId, number, queue = "general" });

        Assert.Equal(1, (await hub.RunJobAsync()).Dialled);
        var placed = Assert.Single(await Polling.UntilAsync(() => hub.CallsToAsync(number), c => c.Count > 0 && c[0].Status == "busy", "the busy dial over"));
        await hub.WaitForCallAsync(placed.CallSid, c => c.Lines("status-callback-dropped").Any(), "the final status dropped");
        var stuck = await hub.WaitForAsync(id, c => c.DialCallSid == placed.CallSid, "the dial recorded");
        Assert.Equal((CallbackStatuses.Dialling, 1), (stuck.Status, stuck.Attempts));
        return (id, patientId, number, placed.CallSid);
    }

    private static (int Ended, int Unknown) Counts(CallbackCheckResult result) => (result.Ended, result.Unknown);

    private static (int Ended, int Unknown, int StillGoing) Counts3(CallbackCheckResult result) => (result.Ended, result.Unknown, result.StillGoing);
}
