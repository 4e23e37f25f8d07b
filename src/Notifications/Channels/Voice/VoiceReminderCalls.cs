using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Core.Ivr;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifications.Outbox;
using Twilio.Protocol.TwiML;
using Twilio.Protocol.Webhooks;

namespace Notifications.Channels.Voice;

/// <summary>
/// Answers an outbox call with the reminder flow (<see cref="VoiceChannelOptions.FlowId"/>) for the row's patient,
/// appointment and language, and moves the row with the call's progress, forward only (like SMS delivery statuses):
/// queued, initiated → queued; ringing, in-progress → sent; completed → delivered (a machine: undelivered);
/// failed, canceled → failed; no-answer, busy → called again after <see cref="VoiceChannelOptions.RetryDelay"/>
/// (an attempt) until <see cref="VoiceChannelOptions.MaxCalls"/> calls were placed, then undelivered. When the call
/// is over, the patient's answer (the flow's <c>reminder.answer</c>) goes on the timeline once.
/// </summary>
internal sealed partial class VoiceReminderCalls(
    INotificationRepository notifications,
    IVoiceCallRepository calls,
    OutboundFlowCalls flows,
    FlowRunner runner,
    OutboxTimeline timeline,
    IInteractionRepository interactions,
    IOptions<VoiceChannelOptions> options,
    IOptions<OutboxOptions> outbox,
    TimeProvider time,
    ILogger<VoiceReminderCalls> logger) : IVoiceReminderCalls
{
    /// <summary>The flow variable the reminder flow writes the patient's answer to.</summary>
    public const string AnswerVariable = "reminder.answer";

    private const string ReminderPrefix = "reminder/";

    public async Task<string> AnswerAsync(Guid notificationId, string callSid, string caller, string called, string? answeredBy, CancellationToken cancellationToken)
    {
        var row = await notifications.FindAsync(notificationId, cancellationToken);
        if (row is not { Channel: NotificationChannels.Voice, PatientId: { } patientId })
        {
            LogUnknownRow(logger, callSid);
            return FlowApology.Voice();
        }

        var now = Now();
        await calls.RecordAsync(callSid, notificationId, CallStatuses.Names.ToWire(CallStatus.InProgress), now, cancellationToken);
        await calls.UpdateStatusAsync(callSid, CallStatuses.Names.ToWire(CallStatus.InProgress), answeredBy, now, cancellationToken);
        if (IsMachine(answeredBy))
        {
            // The reminder needs a key pressed: a machine gets nothing, and the row ends undelivered when the call does.
            LogMachine(logger, callSid);
            return new VoiceResponse().Hangup().ToXml();
        }

        Guid? appointmentId = row.Correlation is { } correlation
            && correlation.StartsWith(ReminderPrefix, StringComparison.Ordinal)
            && Guid.TryParse(correlation[ReminderPrefix.Length..], out var reminderId)
                ? await calls.AppointmentOfReminderAsync(reminderId, cancellationToken)
                : null;
        return await flows.AnswerAsync(
            new OutboundFlowCall(callSid, options.Value.FlowId, caller, called, patientId, appointmentId, row.Language), cancellationToken)
            ?? FlowApology.Voice();
    }

    public async Task StatusAsync(Guid notificationId, CallStatusCallback callback, string? answeredBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var sid = callback.CallSid;
        var status = callback.CallStatus;
        var wire = CallStatuses.Names.ToWire(status);
        var now = Now();
        var call = await calls.FindAsync(sid, cancellationToken);
        if (call is null)
        {
            // The carrier reported before the channel wrote the create's answer down.
            await calls.RecordAsync(sid, notificationId, wire, now, cancellationToken);
            call = await calls.FindAsync(sid, cancellationToken);
        }

        if (call is null || call.NotificationId != notificationId)
        {
            LogUnknownRow(logger, sid);
            return;
        }

        if (!CallStatuses.Names.TryParse(call.Status, out var before) || status.Rank() >= before.Rank())
        {
            await calls.UpdateStatusAsync(sid, wire, answeredBy, now, cancellationToken);
        }

        if (call.Retried)
        {
            // A late report of an earlier call of the row: the row has moved on to its next call.
            return;
        }

        if (!status.IsFinal())
        {
            var progress = status is CallStatus.Queued or CallStatus.Initiated ? NotificationStatuses.Queued : NotificationStatuses.Sent;
            await notifications.ApplyCarrierStatusAsync(sid, progress, null, now, cancellationToken);
            return;
        }

        await EndAsync(notificationId, sid, status, IsMachine(answeredBy ?? call.AnsweredBy), now, cancellationToken);
        try
        {
            await runner.EndCallAsync(sid, wire, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlowEndFailed(logger, sid, ex);
        }

        if (status == CallStatus.Completed)
        {
            await RecordAnswerAsync(notificationId, sid, cancellationToken);
        }
    }

    private async Task EndAsync(Guid notificationId, string sid, CallStatus status, bool machine, DateTime now, CancellationToken cancellationToken)
    {
        var (outcome, error) = status switch
        {
            CallStatus.Completed when machine => (NotificationStatuses.Undelivered, "machine"),
            CallStatus.Completed => (NotificationStatuses.Delivered, (string?)null),
            CallStatus.Busy => (NotificationStatuses.Undelivered, "busy"),
            CallStatus.NoAnswer => (NotificationStatuses.Undelivered, "no-answer"),
            CallStatus.Canceled => (NotificationStatuses.Failed, "call-canceled"),
            _ => (NotificationStatuses.Failed, "call-failed"),
        };
        if (status is CallStatus.Busy or CallStatus.NoAnswer
            && await notifications.FindAsync(notificationId, cancellationToken) is { } row)
        {
            // The call just ended counts as an attempt: the dispatcher counted it when it recorded the call, or this
            // update does when the row is still being sent.
            var placed = row.Attempts + (row.Status == NotificationStatuses.Sending ? 1 : 0);
            if (placed < options.Value.MaxCalls && placed < outbox.Value.MaxAttempts)
            {
                if (await calls.RetryAsync(notificationId, sid, now + options.Value.RetryDelay, error!, now, cancellationToken))
                {
                    LogCallAgain(logger, notificationId, error!, placed);
                }

                return;
            }
        }

        if (await calls.FinishAsync(notificationId, sid, outcome, error, now, cancellationToken)
            && await notifications.FindAsync(notificationId, cancellationToken) is { } moved)
        {
            await timeline.OutcomeAsync(moved, cancellationToken);
        }
    }

    // The flow writes what the patient pressed; a call hung up before that has no answer to record.
    private async Task RecordAnswerAsync(Guid notificationId, string sid, CancellationToken cancellationToken)
    {
        var session = await runner.FindSessionAsync(sid, cancellationToken);
        if (session?.Get(AnswerVariable).AsText() is not { Length: > 0 } answer
            || !await calls.RecordAnswerAsync(sid, answer, Now(), cancellationToken)
            || await notifications.FindAsync(notificationId, cancellationToken) is not { PatientId: { } patientId } row)
        {
            return;
        }

        await interactions.AddAsync(
            new Interaction
            {
                Id = Ids.New(time),
                PatientId = patientId,
                Kind = InteractionKinds.Call,
                Direction = InteractionDirections.Outbound,
                OccurredAt = Now(),
                Summary = $"{row.Purpose} voice answer: {answer}",
                ExternalId = sid,
            },
            cancellationToken);
    }

    private static bool IsMachine(string? answeredBy) =>
        answeredBy is { } by && (by.StartsWith("machine", StringComparison.Ordinal) || by == "fax");

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder call {CallSid} names no voice outbox row of a patient; answered with an apology")]
    private static partial void LogUnknownRow(ILogger logger, string callSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder call {CallSid} was answered by a machine; hanging up")]
    private static partial void LogMachine(ILogger logger, string callSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId}: {Outcome} on call {Calls}; calling again later")]
    private static partial void LogCallAgain(ILogger logger, Guid notificationId, string outcome, int calls);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder call {CallSid} is over but its flow session could not be ended")]
    private static partial void LogFlowEndFailed(ILogger logger, string callSid, Exception exception);
}
