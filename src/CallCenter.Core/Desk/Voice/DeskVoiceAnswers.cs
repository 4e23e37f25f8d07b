using AgentDesk.Contracts;
using CallCenter.Core.Callbacks;
using CallCenter.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// The answers to the agent-leg webhooks (connect, whisper, dial-ended). Each decides on the stored call with a
/// conditional change, so a repeated or late webhook changes nothing and is answered for the call as it now stands.
/// </summary>
public sealed partial class DeskVoiceAnswers(
    IDeskCallRepository calls,
    DeskVoiceTwiml twiml,
    IAgentEndpoints endpoints,
    DeskCallEnder ender,
    IQueueMoves queueMoves,
    IOfferReader offers,
    IDeskNotifier notifier,
    IEnumerable<ICallerAfterAgent> afterAgent,
    IOptions<DeskVoiceOptions> options,
    TimeProvider time,
    ILogger<DeskVoiceAnswers> logger)
{
    private readonly ICallerAfterAgent[] _afterAgent = afterAgent.ToArray();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<string> ConnectAsync(TwilioForm form, DeskLeg leg, Guid agentId, CancellationToken cancellationToken)
    {
        var callSid = form["CallSid"] ?? string.Empty;
        var row = await calls.FindByOfferAsync(leg.OfferId, cancellationToken);
        if (row is null && leg.Leg == 1)
        {
            // A callback's call asks for its TwiML before the REST answer with its SID reached the hub.
            await calls.TryStartAsync(DeskCallControl.NewRow(leg.OfferId, agentId, leg.Queue, callSid, Now), cancellationToken);
            row = await calls.FindByOfferAsync(leg.OfferId, cancellationToken);
        }

        if (row is not { Status: DeskCallStatuses.Connecting } || row.Leg != leg.Leg || row.CallSid != callSid)
        {
            return AsItStands(row, leg);
        }

        // A callback's call answered by a machine (MachineDetection): the agent is released and the call ends; the
        // status callback records the attempt as answering-machine.
        if (CallbackOutcomes.IsMachine(form["AnsweredBy"]))
        {
            await EndAsync(leg, DialCallStatus.Failed, callerGone: true, cancellationToken);
            return DeskVoiceTwiml.HangUp();
        }

        if (await endpoints.FindAsync(row.AgentId, cancellationToken) is not { } endpoint)
        {
            return await EndAsync(leg, DialCallStatus.Failed, callerGone: false, cancellationToken);
        }

        var callerId = options.Value.HotlineNumber is { Length: > 0 } hotline ? hotline
            : form["Direction"] == "inbound" ? form["To"] : form["From"];
        return twiml.Connect(leg.OfferId, endpoint, leg.Queue, leg.Language, leg.Leg, callerId);
    }

    /// <summary>The agent answered: connected (once per Dial), and told who is calling. A whisper for a call gone hangs the agent up.</summary>
    public async Task<string> WhisperAsync(DeskLeg leg, CancellationToken cancellationToken)
    {
        var now = Now;
        var change = await calls.ChangeOfferAsync(
            leg.OfferId,
            row => row.Status == DeskCallStatuses.Connecting && row.Leg == leg.Leg
                ? row with { Status = DeskCallStatuses.Connected, ConnectedAt = row.ConnectedAt ?? now }
                : null,
            cancellationToken);
        if (change.After is { } connected)
        {
            await NotifyConnectedAsync(connected, cancellationToken);
        }
        else if (change.Before is not { Status: DeskCallStatuses.Connected } before || before.Leg != leg.Leg)
        {
            return DeskVoiceTwiml.HangUp();
        }

        return DeskVoiceTwiml.Whisper(leg.Queue, leg.Language);
    }

    /// <summary>The Dial of the agent ended: the agent hung up, did not answer, or the caller left.</summary>
    public Task<string> DialEndedAsync(TwilioForm form, DeskLeg leg, CancellationToken cancellationToken)
    {
        var parsed = DialResult.Parse(form);
        var status = parsed.Value?.DialCallStatus ?? DialCallStatus.Failed;
        var callerGone = CallStatuses.Names.TryParse(form["CallStatus"], out var callStatus) && callStatus.IsFinal();
        return EndAsync(leg, status, callerGone, cancellationToken);
    }

    /// <summary>
    /// The caller's call after the agent hung up from the desk (the desk redirected it here, which drops the agent's
    /// leg): the same as when the agent's phone hangs up first, a feature may keep the caller (a keypad survey), else
    /// the goodbye. A repeat hears the same.
    /// </summary>
    public async Task<string> AgentHungUpAsync(DeskLeg leg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var row = await calls.FindByOfferAsync(leg.OfferId, cancellationToken);
        return row is { Status: DeskCallStatuses.Ended, EndReason: DeskEndReasons.AgentHungUp } && row.Leg == leg.Leg
            ? await AfterAgentAsync(row, leg, cancellationToken) ?? AsItStands(row, leg)
            : AsItStands(row, leg);
    }

    private async Task<string> EndAsync(DeskLeg leg, DialCallStatus status, bool callerGone, CancellationToken cancellationToken)
    {
        var now = Now;
        var answered = status is DialCallStatus.Completed or DialCallStatus.Answered;
        var change = await calls.ChangeOfferAsync(
            leg.OfferId,
            row => row.Status is DeskCallStatuses.Connecting or DeskCallStatuses.Connected && row.Leg == leg.Leg
                ? row.EndAgentPart(
                    callerGone ? DeskEndReasons.CallerHungUp
                    : answered || row.Status == DeskCallStatuses.Connected ? DeskEndReasons.AgentHungUp
                    : DeskEndReasons.Requeued,
                    now)
                : null,
            cancellationToken);
        if (change.After is not { } ended)
        {
            // A repeat of the action that ended the agent's part: the caller hears what the first answer gave them.
            return !callerGone && change.Before is { Status: DeskCallStatuses.Ended, EndReason: DeskEndReasons.AgentHungUp } before && before.Leg == leg.Leg
                ? await AfterAgentAsync(before, leg, cancellationToken) ?? AsItStands(before, leg)
                : AsItStands(change.Before, leg);
        }

        if (ended.EndReason == DeskEndReasons.Requeued)
        {
            await queueMoves.ReturnAfterMissAsync(ended.CallSid, ended.QueueName, cancellationToken);
        }

        await ender.AgentCallEndedAsync(ended, cancellationToken);
        return ended.EndReason == DeskEndReasons.AgentHungUp && !callerGone
            ? await AfterAgentAsync(ended, leg, cancellationToken) ?? AsItStands(ended, leg)
            : AsItStands(ended, leg);
    }

    // The agent hung up and the caller is still there: a feature may keep them (a keypad survey); else the goodbye.
    private async Task<string?> AfterAgentAsync(DeskCallRow ended, DeskLeg leg, CancellationToken cancellationToken)
    {
        if (_afterAgent.Length == 0)
        {
            return null;
        }

        var offer = await offers.FindAsync(ended.OfferId, cancellationToken);
        var left = new AgentLeftCaller(
            ended.CallSid, ended.OfferId, ended.AgentId, ended.QueueName, leg.Language, offer?.PatientId, offer?.CallerNumber, ended.EndedAt ?? Now);
        foreach (var listener in _afterAgent)
        {
            try
            {
                if (await listener.CallerStaysAsync(left, cancellationToken) is { } twiml)
                {
                    return twiml;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The caller still gets their goodbye; the agent's part is already ended.
                LogAfterAgentFailed(logger, ended.CallSid, ex);
            }
        }

        return null;
    }

    /// <summary>The TwiML for the call as it now stands, for the first answer and any repeat of it.</summary>
    public string AsItStands(DeskCallRow? row, DeskLeg leg) => row switch
    {
        null => DeskVoiceTwiml.SayAndHangUp(DeskVoicePrompts.Goodbye, leg.Language),
        { Status: DeskCallStatuses.OnHold } => twiml.Hold(leg.OfferId, leg.Language),
        { Status: DeskCallStatuses.Ended, EndReason: DeskEndReasons.Requeued } => twiml.Requeue(row.QueueName, leg.Language, agentMissed: true),
        { Status: DeskCallStatuses.Ended, EndReason: DeskEndReasons.AgentHungUp or DeskEndReasons.Failed } =>
            DeskVoiceTwiml.SayAndHangUp(DeskVoicePrompts.Goodbye, leg.Language),

        // Moved on by the desk (transferred, redirected, over): Twilio ignores the answer to such a late action.
        _ => DeskVoiceTwiml.Nothing(),
    };

    private async Task NotifyConnectedAsync(DeskCallRow connected, CancellationToken cancellationToken)
    {
        try
        {
            var offer = await offers.FindAsync(connected.OfferId, cancellationToken);
            var call = new DeskCall
            {
                CallSid = connected.CallSid,
                OfferId = connected.OfferId,
                Queue = connected.QueueName,
                PatientId = offer?.PatientId,
                ConnectedAt = new DateTimeOffset(DateTime.SpecifyKind(connected.ConnectedAt ?? Now, DateTimeKind.Utc)),
            };
            await notifier.CallConnectedAsync(connected.AgentId, call, cancellationToken);
            LogConnected(logger, connected.CallSid, connected.AgentId, connected.Leg);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The agent is on the call either way; their desk catches up on its next snapshot.
            LogNotifyFailed(logger, connected.CallSid, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk call {CallSid}: agent {AgentId} answered (leg {Leg})")]
    private static partial void LogConnected(ILogger logger, string callSid, Guid agentId, int leg);

    [LoggerMessage(Level = LogLevel.Error, Message = "Desk call {CallSid}: what follows the agent's hang-up failed; the caller hears goodbye")]
    private static partial void LogAfterAgentFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Desk call {CallSid}: the agent's desk could not be told the call connected")]
    private static partial void LogNotifyFailed(ILogger logger, string callSid, Exception exception);
}
