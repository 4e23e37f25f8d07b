using CallCenter.Core.Common;
using CallCenter.Core.FollowUps;
using CallCenter.Core.Queues;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Desk.Voice;

/// <summary>The answers to the caller-side webhooks: hold, transfer to a number, overflow voicemail and callback offer.</summary>
public sealed class DeskVoiceCallerAnswers(
    IDeskCallRepository calls,
    DeskVoiceTwiml twiml,
    IQueueRepository queues,
    IFollowUpRepository followUps,
    IQueueSettingsRepository queueSettings,
    IOptions<DeskVoiceOptions> options,
    TimeProvider time)
{
    public async Task<string> HoldAsync(Guid offerId, string language, CancellationToken cancellationToken) =>
        // A caller handed over to another agent keeps holding until that agent's connect redirects the call.
        await calls.FindByOfferAsync(offerId, cancellationToken) is { Status: DeskCallStatuses.OnHold }
            or { Status: DeskCallStatuses.Ended, EndReason: DeskEndReasons.Transferred, TransferTo: null }
            ? twiml.Hold(offerId, language)
            : DeskVoiceTwiml.Nothing();

    /// <summary>The caller left the queue the desk put them back in: only a failed queue needs an answer (a voicemail).</summary>
    public string QueueLeft(TwilioForm form, string queue, string language) =>
        EnqueueResult.Parse(form).Value?.QueueResult is QueueResult.QueueFull or QueueResult.Error or QueueResult.SystemError or QueueResult.Leave
            ? twiml.Voicemail(queue, language)
            : DeskVoiceTwiml.Nothing();

    public async Task<string> TransferAsync(TwilioForm form, Guid offerId, string language, CancellationToken cancellationToken)
    {
        if (await calls.FindByOfferAsync(offerId, cancellationToken) is not { Status: DeskCallStatuses.Transferring, TransferTo: { } number })
        {
            return DeskVoiceTwiml.Nothing();
        }

        var callerId = options.Value.HotlineNumber is { Length: > 0 } hotline ? hotline
            : form["Direction"] == "inbound" ? form["To"] : form["From"];
        return twiml.TransferDial(offerId, number, language, callerId);
    }

    /// <summary>The outside party's call ended: the desk's part of the call is over.</summary>
    public async Task<string> TransferEndedAsync(TwilioForm form, Guid offerId, string language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await calls.ChangeOfferAsync(
            offerId, row => row.Status == DeskCallStatuses.Transferring ? row with { Status = DeskCallStatuses.Ended, EndedAt = row.EndedAt ?? now } : null, cancellationToken);
        var status = DialResult.Parse(form).Value?.DialCallStatus;
        return DeskVoiceTwiml.SayAndHangUp(
            status is DialCallStatus.Completed or DialCallStatus.Answered ? DeskVoicePrompts.Goodbye : DeskVoicePrompts.TransferFailed, language);
    }

    /// <summary>A voicemail recorded after an overflow becomes an open follow-up; a redelivered webhook stores nothing new.</summary>
    public async Task<string> RecordedAsync(TwilioForm form, string queue, string language, CancellationToken cancellationToken)
    {
        var callSid = form["CallSid"] ?? string.Empty;
        var duration = int.TryParse(form["RecordingDuration"], System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        if (form["RecordingUrl"] is { Length: > 0 } recording && duration > 0)
        {
            var entry = await queues.FindByCallSidAsync(callSid, cancellationToken);
            await followUps.AddAsync(
                new FollowUp
                {
                    Id = Ids.New(time),
                    Kind = FollowUpKinds.Voicemail,
                    CallSid = callSid,
                    PatientId = entry?.PatientId,
                    CallerNumber = entry?.CallerNumber ?? form["From"] ?? string.Empty,
                    RecordingUrl = recording,
                    DurationSeconds = duration,
                    Category = queue,
                    Language = DeskVoiceTwiml.Language(language).Tag,
                    Status = FollowUpStatuses.Open,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                },
                cancellationToken);
            return DeskVoiceTwiml.SayAndHangUp(DeskVoicePrompts.VoicemailThanks, language);
        }

        return DeskVoiceTwiml.SayAndHangUp(DeskVoicePrompts.Goodbye, language);
    }

    /// <summary>1: a callback request that keeps the caller's place in line; anything else: the voicemail.</summary>
    public async Task<string> CallbackChoiceAsync(TwilioForm form, string queue, string language, CancellationToken cancellationToken)
    {
        if (form["Digits"] != "1")
        {
            return twiml.Voicemail(queue, language);
        }

        var callSid = form["CallSid"] ?? string.Empty;
        var now = time.GetUtcNow().UtcDateTime;
        var entry = await queues.FindByCallSidAsync(callSid, cancellationToken);

        // Agent-first: in line for an agent at once (the router offers it when its place comes). Customer-first: the
        // callback job dials the caller now (inside calling hours) and puts them back in line at this same place.
        var queueName = entry?.QueueName ?? queue;
        var customerFirst = (await queueSettings.FindAsync(queueName, cancellationToken))?.CallbackMode == QueueCallbackMode.CustomerFirst;

        // False when the call already has a request (a repeated webhook): the first one stands.
        await queues.AddCallbackAsync(
            new CallbackRequestRow
            {
                Id = Ids.New(time),
                CallSid = callSid,
                QueueName = queueName,
                Number = entry?.CallerNumber ?? form["From"] ?? string.Empty,
                PatientId = entry?.PatientId,
                Language = DeskVoiceTwiml.Language(language).Tag,
                Priority = entry?.Priority ?? 0,
                PlaceEnqueuedAt = entry?.EnqueuedAt ?? now,
                Status = customerFirst ? Callbacks.CallbackStatuses.Scheduled : QueueStatuses.Requested,
                CreatedAt = now,
            },
            now,
            cancellationToken);
        return DeskVoiceTwiml.SayAndHangUp(DeskVoicePrompts.CallbackConfirmed, language);
    }
}
