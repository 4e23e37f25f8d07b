using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Conversations;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using Ivr.Flows.Services;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>
/// Sends flow SMS through the carrier, only to numbers whose patients have not withdrawn SMS consent. A refusal
/// is an answer (<c>Sent = false</c> and the reason), never an exception. A message that expects an answer
/// (appointment, survey) leaves a pending reply so the patient's text can be matched to it.
/// </summary>
internal sealed class FlowMessenger(
    ISmsCarrier carrier,
    IOptions<IvrPortOptions> options,
    PhoneNumberNormalizer phones,
    IPatientRepository patients,
    PatientConsentService consents,
    MessageService messages,
    ISmsReplyRepository replies,
    TimeProvider time) : IFlowMessenger
{
    public async Task<SendResult> SendSmsAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        if (!phones.TryNormalize(sms.To, out var to, out _))
        {
            return new SendResult(false, "invalid-number");
        }

        if (string.IsNullOrEmpty(sms.Body) || sms.Body.Length > MessageService.MaxBodyLength)
        {
            return new SendResult(false, "invalid-body");
        }

        var recipients = sms.PatientId is { } patientId ? [patientId] : (await patients.FindByPhoneAsync(to, cancellationToken)).Select(p => p.Id).ToList();
        if (await AnyWithdrawnAsync(recipients, cancellationToken))
        {
            return new SendResult(false, "consent-withdrawn");
        }

        // The configured SMS number, else the hotline number the patient called (so their reply comes back to it).
        if ((options.Value.SmsFrom is { Length: > 0 } configured ? configured : sms.From) is not { Length: > 0 } from)
        {
            return new SendResult(false, "no-sender-configured");
        }

        var answer = await carrier.SendAsync(to, from, sms.Body, cancellationToken);
        if (answer.Sent is not { } sent)
        {
            return new SendResult(false, answer.Refusal);
        }

        await messages.ApplyStatusAsync(sent, cancellationToken);

        if (ReplyPurposes.ExpectsReply(sms.Purpose))
        {
            var now = time.GetUtcNow().UtcDateTime;
            await replies.AddPendingAsync(
                new SmsPendingReply
                {
                    Id = Ids.New(time),
                    Phone = to,
                    Purpose = sms.Purpose,
                    PatientId = sms.PatientId ?? (recipients.Count == 1 ? recipients[0] : null),
                    AppointmentId = sms.AppointmentId,
                    MessageSid = sent.MessageSid,
                    SentAt = now,
                    ExpiresAt = now.AddHours(options.Value.ReplyWindowHours),
                },
                cancellationToken);
        }

        return new SendResult(true);
    }

    // One patient who said no is enough: a shared phone reaches them too.
    private async Task<bool> AnyWithdrawnAsync(IReadOnlyList<Guid> patientIds, CancellationToken cancellationToken)
    {
        foreach (var patientId in patientIds)
        {
            var overview = await consents.ListAsync(Actor.Ivr, patientId, cancellationToken);
            if (overview.Value?.Current.Any(c => c.Channel == ConsentChannels.Sms && !c.Granted) == true)
            {
                return true;
            }
        }

        return false;
    }
}
