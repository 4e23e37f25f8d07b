using CallCenter.Core.Messaging;
using Microsoft.Extensions.Http;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Telephony;

/// <summary>
/// Texts through Twilio's REST API (or the simulator's copy of it) for the Core. The carrier's refusals become
/// reasons: <c>opted-out</c> (the recipient sent STOP to the carrier), <c>invalid-number</c>, <c>carrier-error</c>,
/// <c>carrier-unreachable</c>.
/// </summary>
internal sealed partial class TwilioSmsCarrier(
    IHttpClientFactory clients, ITypedHttpClientFactory<TwilioRestClient> rest, ILogger<TwilioSmsCarrier> logger) : ISmsCarrier
{
    public async Task<SmsCarrierResult> SendAsync(string recipient, string sender, string body, CancellationToken cancellationToken)
    {
        // A client per message from the factory, as the typed client is meant to be used: held by this singleton, one
        // client would keep one handler (and its DNS answers) for the life of the hub.
        var twilio = rest.CreateClient(clients.CreateClient(nameof(TwilioRestClient)));
        try
        {
            var sent = await twilio.CreateMessageAsync(new CreateMessageRequest { To = recipient, From = sender, Body = body }, cancellationToken);
            return SmsCarrierResult.Accepted(new MessageStatusUpdate
            {
                MessageSid = sent.Sid,
                AccountSid = sent.AccountSid,
                State = sent.Status?.ToState() ?? MessageState.Queued,
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
