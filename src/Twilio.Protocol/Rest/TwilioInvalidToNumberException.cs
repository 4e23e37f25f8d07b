
namespace Twilio.Protocol.Rest;

/// <summary>21211: the To number is not a valid phone number. Never retried; fix the number.</summary>
public sealed class TwilioInvalidToNumberException : TwilioApiException
{
    public TwilioInvalidToNumberException()
    {
    }

    public TwilioInvalidToNumberException(string message)
        : base(message)
    {
    }

    public TwilioInvalidToNumberException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TwilioInvalidToNumberException(int httpStatus, string? twilioMessage, string? moreInfo)
        : base(httpStatus, TwilioErrorCodes.InvalidToNumber, twilioMessage, moreInfo)
    {
    }
}
