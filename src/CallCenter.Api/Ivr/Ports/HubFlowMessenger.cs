using CallCenter.Api.Telephony;
using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Conversations;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using Ivr.Flows.Services;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Ivr.Ports;

/// <summary>
/// Sends flow SMS through the carrier, only to numbers whose patients have not withdrawn SMS consent. A refusal
/// is an answer (<c>Sent = false</c> and the reason), never an exception. A message that expects an answer
/// (appointment, survey) leaves a pending reply so the patient's text can be matched to it.
/// </summary>
internal sealed partial class HubFlowMessenger(
    IServiceProvider services,
    IOptions<IvrPortOptions> options,
    PhoneNumberNormalizer phones,
    IPatientRepository patients,
    PatientConsentService consents,
    MessageService messages,
    ISmsReplyRepository replies,
    TimeProvider time,
    ILogger<HubFlowMessenger> logger) : IFlowMessenger
{
    public async Task<SendResult> SendSmsAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        if (!phones.TryNormalize(sms.To, out var to, out _))
        {
            return new SendResult(false, "invalid-number");
        }

        if (string.IsNullOrEmpty(sms.Body) || sms.Body.Length > CreateMessageRequest.MaxBodyLength)
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

        var (sent, refusal) = await SendAsync(to, from, sms.Body, cancellationToken);
        if (sent is null)
        {
            return new SendResult(false, refusal);
        }

        await messages.ApplyStatusAsync(
            new MessageStatusUpdate
            {
                MessageSid = sent.Sid,
                AccountSid = sent.AccountSid,
                State = sent.Status?.ToState() ?? MessageState.Queued,
                From = from,
                To = to,
            },
            cancellationToken);

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
                    MessageSid = sent.Sid,
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

    /// <summary>The carrier's answer, or why there is none: <c>opted-out</c> (STOP sent to the carrier), <c>invalid-number</c>, <c>carrier-error</c>, <c>carrier-unreachable</c>.</summary>
    private async Task<(MessageResource? Sent, string? Refusal)> SendAsync(string to, string from, string body, CancellationToken cancellationToken)
    {
        // Resolved per message: the REST client is a typed HttpClient (transient), so its handler is rotated.
        var rest = services.GetRequiredService<TwilioRestClient>();
        try
        {
            return (await rest.CreateMessageAsync(new CreateMessageRequest { To = to, From = from, Body = body }, cancellationToken), null);
        }
        catch (TwilioApiException ex)
        {
            LogRefused(logger, ex.HttpStatus, ex.Code);
            return (null, ex.Code switch
            {
                TwilioErrorCodes.RecipientOptedOut => "opted-out",
                TwilioErrorCodes.InvalidToNumber => "invalid-number",
                _ => "carrier-error",
            });
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(logger, ex.HttpRequestError.ToString());
            return (null, "carrier-unreachable");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow SMS refused by the carrier: HTTP {Status}, code {Code}")]
    private static partial void LogRefused(ILogger logger, int status, int? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow SMS not sent: carrier unreachable ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string error);
}
