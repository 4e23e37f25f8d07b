using System.Globalization;

namespace Twilio.Protocol.Rest;

/// <summary>
/// An error answer from Twilio's REST API (<c>{code, message, more_info, status}</c>). The exception message
/// holds only the code and HTTP status, since Twilio's own message can quote the phone number;
/// <see cref="TwilioMessage"/> has it for callers that need it.
/// </summary>
public class TwilioApiException : Exception
{
    public TwilioApiException()
    {
    }

    public TwilioApiException(string message)
        : base(message)
    {
    }

    public TwilioApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TwilioApiException(int httpStatus, int? code, string? twilioMessage, string? moreInfo)
        : base(Describe(httpStatus, code))
    {
        HttpStatus = httpStatus;
        Code = code;
        TwilioMessage = twilioMessage;
        MoreInfo = moreInfo;
    }

    public int HttpStatus { get; }

    /// <summary>Twilio's error code, when the body had one.</summary>
    public int? Code { get; }

    public string? TwilioMessage { get; }

    public string? MoreInfo { get; }

    /// <summary>How long the carrier asked to wait (the Retry-After header of a 429), when it said.</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    /// <summary>The request was not processed and may succeed later: throttling or a server error.</summary>
    public bool IsTransient => !IsPermanent && (HttpStatus == 429 || Code == TwilioErrorCodes.TooManyRequests || HttpStatus >= 500);

    /// <summary>Retrying can never succeed (opted-out recipient, invalid number).</summary>
    public bool IsPermanent => Code is TwilioErrorCodes.RecipientOptedOut or TwilioErrorCodes.InvalidToNumber;

    internal static TwilioApiException Create(int httpStatus, int? code, string? twilioMessage, string? moreInfo) => code switch
    {
        TwilioErrorCodes.RecipientOptedOut => new TwilioRecipientOptedOutException(httpStatus, twilioMessage, moreInfo),
        TwilioErrorCodes.InvalidToNumber => new TwilioInvalidToNumberException(httpStatus, twilioMessage, moreInfo),
        _ => new TwilioApiException(httpStatus, code, twilioMessage, moreInfo),
    };

    private static string Describe(int httpStatus, int? code) => code is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"Twilio API error {c} (HTTP {httpStatus}); see https://www.twilio.com/docs/errors/{c}")
        : string.Create(CultureInfo.InvariantCulture, $"Twilio API error (HTTP {httpStatus}) without a Twilio error code");
}
