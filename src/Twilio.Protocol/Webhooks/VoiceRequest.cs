namespace Twilio.Protocol.Webhooks;

/// <summary>
/// The fields of every voice webhook (incoming call, and the start of each TwiML request). Twilio may add fields
/// at any time; unknown ones are ignored here but still count for the signature.
/// </summary>
public sealed record VoiceRequest
{
    public required string CallSid { get; init; }

    public required string AccountSid { get; init; }

    /// <summary>The caller; may be "Anonymous" or a non-number for withheld caller IDs, hence not validated.</summary>
    public string From { get; init; } = string.Empty;

    public string To { get; init; } = string.Empty;

    public required CallStatus CallStatus { get; init; }

    public string? ApiVersion { get; init; }

    public CallDirection? Direction { get; init; }

    public string? ForwardedFrom { get; init; }

    public string? CallerName { get; init; }

    public string? ParentCallSid { get; init; }

    public static WebhookParseResult<VoiceRequest> Parse(TwilioForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FormReader(form);
        var callSid = read.Required("CallSid");
        var accountSid = read.Required("AccountSid");
        var status = read.RequiredEnum("CallStatus", CallStatuses.Names);
        var direction = read.Enum("Direction", WebhookNames.Direction);
        return WebhookParseResult<VoiceRequest>.From(read, () => new VoiceRequest
        {
            CallSid = callSid,
            AccountSid = accountSid,
            From = read.Optional("From") ?? string.Empty,
            To = read.Optional("To") ?? string.Empty,
            CallStatus = status,
            ApiVersion = read.Optional("ApiVersion"),
            Direction = direction,
            ForwardedFrom = read.Optional("ForwardedFrom"),
            CallerName = read.Optional("CallerName"),
            ParentCallSid = read.Optional("ParentCallSid"),
        });
    }

    public IReadOnlyList<KeyValuePair<string, string>> ToForm() => new FormWriter()
        .Add("CallSid", CallSid)
        .Add("AccountSid", AccountSid)
        .Add("From", From)
        .Add("To", To)
        .Add("CallStatus", CallStatus, CallStatuses.Names)
        .Add("ApiVersion", ApiVersion)
        .Add("Direction", Direction, WebhookNames.Direction)
        .Add("ForwardedFrom", ForwardedFrom)
        .Add("CallerName", CallerName)
        .Add("ParentCallSid", ParentCallSid)
        .Fields;
}
