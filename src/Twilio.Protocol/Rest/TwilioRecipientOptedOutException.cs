
namespace Twilio.Protocol.Rest;

/// <summary>21610: the recipient opted out (STOP). Never retried; record the opt-out.</summary>
public sealed class TwilioRecipientOptedOutException : TwilioApiException
{
    public TwilioRecipientOptedOutException()
    {
    }

    public TwilioRecipientOptedOutException(string message)
        : base(message)
    {
    }

    public TwilioRecipientOptedOutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TwilioRecipientOptedOutException(int httpStatus, string? twilioMessage, string? moreInfo)
        : base(httpStatus, TwilioErrorCodes.RecipientOptedOut, twilioMessage, moreInfo)
    {
    }
}
