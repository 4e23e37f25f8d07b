namespace Twilio.Protocol.Webhooks;

/// <summary>
/// A call status callback. Delivered at least once and possibly out of order: order by
/// <see cref="SequenceNumber"/> and never lower a call's <see cref="CallStatuses.Rank"/>.
/// </summary>
public sealed record CallStatusCallback
{
    public required string CallSid { get; init; }

    public required string AccountSid { get; init; }

    public required CallStatus CallStatus { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public CallDirection? Direction { get; init; }

    public string? ParentCallSid { get; init; }

    /// <summary>Seconds the call lasted; only on the final callback.</summary>
    public int? CallDuration { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>What sent the callback, e.g. <c>call-progress-events</c>.</summary>
    public string? CallbackSource { get; init; }

    /// <summary>The order of this callback among the call's callbacks, from 0.</summary>
    public int? SequenceNumber { get; init; }

    public static WebhookParseResult<CallStatusCallback> Parse(TwilioForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FormReader(form);
        var callSid = read.Required("CallSid");
        var accountSid = read.Required("AccountSid");
        var status = read.RequiredEnum("CallStatus", CallStatuses.Names);
        var direction = read.Enum("Direction", WebhookNames.Direction);
        var duration = read.Int("CallDuration");
        var timestamp = read.Time("Timestamp");
        var sequence = read.Int("SequenceNumber");
        return WebhookParseResult<CallStatusCallback>.From(read, () => new CallStatusCallback
        {
            CallSid = callSid,
            AccountSid = accountSid,
            CallStatus = status,
            From = read.Optional("From"),
            To = read.Optional("To"),
            Direction = direction,
            ParentCallSid = read.Optional("ParentCallSid"),
            CallDuration = duration,
            Timestamp = timestamp,
            CallbackSource = read.Optional("CallbackSource"),
            SequenceNumber = sequence,
        });
    }

    public IReadOnlyList<KeyValuePair<string, string>> ToForm() => new FormWriter()
        .Add("CallSid", CallSid)
        .Add("AccountSid", AccountSid)
        .Add("CallStatus", CallStatus, CallStatuses.Names)
        .Add("From", From)
        .Add("To", To)
        .Add("Direction", Direction, WebhookNames.Direction)
        .Add("ParentCallSid", ParentCallSid)
        .Add("CallDuration", CallDuration)
        .Add("Timestamp", Timestamp)
        .Add("CallbackSource", CallbackSource)
        .Add("SequenceNumber", SequenceNumber)
        .Fields;
}
