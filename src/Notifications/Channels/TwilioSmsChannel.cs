using CallCenter.Core.Messaging;
using Microsoft.Extensions.Logging;
using Twilio.Protocol.Rest;

namespace Notifications.Channels;

/// <summary>
/// The SMS channel: texts through Twilio's REST API (or the simulator's copy of it), for the IVR now and for the
/// notification outbox next. The carrier's refusals become
/// reasons: <c>opted-out</c> (the recipient sent STOP to the carrier), <c>invalid-number</c>, <c>carrier-error</c>,
/// <c>carrier-unreachable</c>.
/// </summary>
internal sealed partial class TwilioSmsChannel(TwilioRestClientFactory rest, ILogger<TwilioSmsChannel> logger) : ISmsCarrier
{
    public async Task<SmsCarrierResult> SendAsync(string recipient, string sender, string body, CancellationToken cancellationToken)
    {
        var twilio = rest.Create();
        try
        {
            var sent = await twilio.CreateMessageAsync(new CreateMessageRequest { To = recipient, From = sender, Body = body }, cancellationToken);
            return SmsCarrierResult.Accepted(new MessageStatusUpdate
            {
                MessageSid = sent.Sid,
                AccountSid = sent.AccountSid,
                State = sent.Status is { } status ? TwilioMessageStates.Of(status) : MessageState.Queued,
                From = sender,
                To = recipient,
            });
        }
        catch (TwilioApiException ex)
        {
            LogRefused(logger, ex.HttpStatus, ex.Code);
            return SmsCarrierResult.Refused(ex.Code switch
            {
                TwilioErrorCodes.RecipientOptedOut => "opted-out",
                TwilioErrorCodes.InvalidToNumber => "invalid-number",
                _ => "carrier-error",
            });
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(logger, ex.HttpRequestError.ToString());
            return SmsCarrierResult.Refused("carrier-unreachable");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS refused by the carrier: HTTP {Status}, code {Code}")]
    private static partial void LogRefused(ILogger logger, int status, int? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS not sent: carrier unreachable ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string error);
}
