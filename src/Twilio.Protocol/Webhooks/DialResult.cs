namespace Twilio.Protocol.Webhooks;

/// <summary>How a <c>&lt;Dial&gt;</c> ended, posted to its action URL.</summary>
public sealed record DialResult
{
    public required string CallSid { get; init; }

    public required DialCallStatus DialCallStatus { get; init; }

    public string? DialCallSid { get; init; }

    /// <summary>Seconds the dialled party was connected.</summary>
    public int? DialCallDuration { get; init; }

    public static WebhookParseResult<DialResult> Parse(TwilioForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FormReader(form);
        var callSid = read.Required("CallSid");
        var status = read.RequiredEnum("DialCallStatus", WebhookNames.DialStatus);
        var duration = read.Int("DialCallDuration");
        return WebhookParseResult<DialResult>.From(read, () => new DialResult
        {
            CallSid = callSid,
            DialCallStatus = status,
            DialCallSid = read.Optional("DialCallSid"),
            DialCallDuration = duration,
        });
    }

    public IReadOnlyList<KeyValuePair<string, string>> ToForm() => new FormWriter()
        .Add("CallSid", CallSid)
        .Add("DialCallStatus", DialCallStatus, WebhookNames.DialStatus)
        .Add("DialCallSid", DialCallSid)
        .Add("DialCallDuration", DialCallDuration)
        .Fields;
}
