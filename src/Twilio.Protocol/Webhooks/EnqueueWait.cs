namespace Twilio.Protocol.Webhooks;

/// <summary>Where a waiting caller stands, posted to the <c>&lt;Enqueue&gt;</c> waitUrl while they wait.</summary>
public sealed record EnqueueWait
{
    public required string CallSid { get; init; }

    /// <summary>1 for the next caller to be answered.</summary>
    public required int QueuePosition { get; init; }

    public string? QueueSid { get; init; }

    /// <summary>Seconds this caller has waited so far.</summary>
    public int? QueueTime { get; init; }

    /// <summary>Average wait in seconds of the callers now in the queue.</summary>
    public int? AvgQueueTime { get; init; }

    public int? CurrentQueueSize { get; init; }

    public static WebhookParseResult<EnqueueWait> Parse(TwilioForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FormReader(form);
        var callSid = read.Required("CallSid");
        var position = read.RequiredInt("QueuePosition", min: 1);
        var time = read.Int("QueueTime");
        var average = read.Int("AvgQueueTime");
        var size = read.Int("CurrentQueueSize");
        return WebhookParseResult<EnqueueWait>.From(read, () => new EnqueueWait
        {
            CallSid = callSid,
            QueuePosition = position,
            QueueSid = read.Optional("QueueSid"),
            QueueTime = time,
            AvgQueueTime = average,
            CurrentQueueSize = size,
        });
    }

    public IReadOnlyList<KeyValuePair<string, string>> ToForm() => new FormWriter()
        .Add("CallSid", CallSid)
        .Add("QueuePosition", QueuePosition)
        .Add("QueueSid", QueueSid)
        .Add("QueueTime", QueueTime)
        .Add("AvgQueueTime", AvgQueueTime)
        .Add("CurrentQueueSize", CurrentQueueSize)
        .Fields;
}
