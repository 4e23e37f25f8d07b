
namespace Twilio.Protocol.Rest;

/// <summary>Twilio error codes the hub acts on.</summary>
public static class TwilioErrorCodes
{
    /// <summary>Too many requests: never processed, safe to retry later.</summary>
    public const int TooManyRequests = 20429;

    /// <summary>The 'To' number is not a valid phone number. Permanent.</summary>
    public const int InvalidToNumber = 21211;

    /// <summary>The recipient replied STOP: no message may be sent until they opt back in. Permanent.</summary>
    public const int RecipientOptedOut = 21610;
}
