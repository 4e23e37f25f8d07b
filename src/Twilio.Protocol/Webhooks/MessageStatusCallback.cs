
namespace Twilio.Protocol.Webhooks;

/// <summary>A message status callback; <see cref="ErrorCode"/> explains undelivered and failed.</summary>
public sealed record MessageStatusCallback
{
    public required string MessageSid { get; init; }

    public required string AccountSid { get; init; }

    public required MessageStatus MessageStatus { get; init; }

    public int? ErrorCode { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? MessagingServiceSid { get; init; }

    public static WebhookParseResult<MessageStatusCallback> Parse(TwilioForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FormReader(form);
        var messageSid = read.Required("MessageSid");
        var accountSid = read.Required("AccountSid");
        var status = read.RequiredEnum("MessageStatus", WebhookNames.MessageStatus);
        var errorCode = read.Int("ErrorCode");
        return WebhookParseResult<MessageStatusCallback>.From(read, () => new MessageStatusCallback
        {
            MessageSid = messageSid,
            AccountSid = accountSid,
            MessageStatus = status,
            ErrorCode = errorCode,
            From = read.Optional("From"),
            To = read.Optional("To"),
            MessagingServiceSid = read.Optional("MessagingServiceSid"),
        });
    }

    public IReadOnlyList<KeyValuePair<string, string>> ToForm() => new FormWriter()
        .Add("MessageSid", MessageSid)
        .Add("AccountSid", AccountSid)
        .Add("MessageStatus", MessageStatus, WebhookNames.MessageStatus)
        .Add("ErrorCode", ErrorCode)
        .Add("From", From)
        .Add("To", To)
        .Add("MessagingServiceSid", MessagingServiceSid)
        .Fields;
}
