namespace Twilio.Protocol.Webhooks;

/// <summary>Why and when a caller left an <c>&lt;Enqueue&gt;</c>, posted to its action URL.</summary>
public sealed record EnqueueResult
{
    public required string CallSid { get; init; }

    public required QueueResult QueueResult { get; init; }

    public string? QueueSid { get; init; }

    /// <summary>Seconds the caller waited.</summary>
    public int? QueueTime { get; init; }

    public static WebhookParseResult<EnqueueResult> Parse(TwilioForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FormReader(form);
        var callSid = read.Required("CallSid");
        var result = read.RequiredEnum("QueueResult", WebhookNames.QueueResult);
        var time = read.Int("QueueTime");
        return WebhookParseResult<EnqueueResult>.From(read, () => new EnqueueResult
        {
            CallSid = callSid,
            QueueResult = result,
            QueueSid = read.Optional("QueueSid"),
            QueueTime = time,
        });
    }

    public IReadOnlyList<KeyValuePair<string, string>> ToForm() => new FormWriter()
        .Add("CallSid", CallSid)
        .Add("QueueResult", QueueResult, WebhookNames.QueueResult)
        .Add("QueueSid", QueueSid)
        .Add("QueueTime", QueueTime)
        .Fields;
}
