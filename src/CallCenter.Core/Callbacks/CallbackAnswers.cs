using CallCenter.Core.Common;
using Ivr.Flows.Languages;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.Queues;
using Microsoft.Extensions.Options;
using Twilio.Protocol.TwiML;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Callbacks;

/// <summary>
/// Customer-first: the patient's phone answered. A machine ends the attempt (answering-machine) and hangs up; a person
/// hears who is calling and joins the line at the callback's own place (its place_at), so they are next to be
/// offered to an agent as if they had waited. A repeated webhook of the same call is answered the same way.
/// </summary>
public sealed class CallbackAnswers(
    ICallbackRepository callbacks,
    CallbackAttempts attempts,
    IQueueRepository queues,
    IQueueArrivalSignal arrivals,
    DeskVoiceLinks links,
    IOptions<CallbackOptions> options,
    TimeProvider time)
{
    public async Task<string> AnswerAsync(TwilioForm form, Guid callbackId, int attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var callSid = form["CallSid"] ?? string.Empty;
        var callback = await callbacks.FindAsync(callbackId, cancellationToken);
        var language = DeskVoiceTwiml.Language(callback?.Language);
        if (callback is null || callback.Attempts != attempt)
        {
            return DeskVoiceTwiml.HangUp();
        }

        if (callback.Status == CallbackStatuses.Done && callback.DialCallSid == callSid)
        {
            // A repeat of the answer already given: in line again (the entry is found, not added twice).
            return InLine(callback, language);
        }

        if (callback.Status != CallbackStatuses.Dialling)
        {
            return DeskVoiceTwiml.HangUp();
        }

        if (CallbackOutcomes.IsMachine(form["AnsweredBy"]))
        {
            await attempts.EndAsync(callback, attempt, CallbackOutcomes.AnsweringMachine, cancellationToken);
            return DeskVoiceTwiml.HangUp();
        }

        var now = time.GetUtcNow().UtcDateTime;
        await callbacks.RecordDialAsync(callback.Id, attempt, callSid, cancellationToken);
        await queues.EnqueueAsync(
            new QueueEntry
            {
                Id = Ids.New(time),
                QueueName = callback.QueueName,
                CallSid = callSid,
                PatientId = callback.PatientId,
                CallerNumber = callback.Number,
                Priority = callback.Priority,
                Language = callback.Language,
                Status = QueueStatuses.Waiting,
                EnqueuedAt = now,
                PlaceAt = callback.PlaceAt ?? callback.DueAt ?? callback.CreatedAt,
                QueueJoinedAt = now,
            },
            cancellationToken);
        await attempts.EndAsync(callback with { DialCallSid = callSid }, attempt, CallbackOutcomes.Answered, cancellationToken);
        arrivals.WorkArrived();
        return InLine(callback, language);
    }

    private string InLine(Callback callback, IvrLanguage language)
    {
        var english = language == IvrLanguage.EnglishUs;
        var greeting = english
            ? $"Hello, this is {options.Value.CallerNameEn} calling you back as you asked. Please hold for the next agent; you keep your place in line."
            : $"您好，这里是{options.Value.CallerName}，按您的要求给您回电。请稍候，马上为您接通工作人员，您的排队位置已保留。";
        return new VoiceResponse()
            .Say(greeting, language.DefaultVoice, language.SayLanguage)
            .Enqueue(new Enqueue(callback.QueueName)
            {
                Action = links.QueueLeft(callback.QueueName, language.Tag),
                WaitUrl = links.HoldMusic(language.Tag),
            })
            .ToXml();
    }
}
