namespace Twilio.Protocol.Webhooks;

/// <summary>What a <c>&lt;Gather&gt;</c> collected, posted to its action URL. Both empty when the caller gave nothing.</summary>
public sealed record GatherResult
{
    public required string CallSid { get; init; }

    public string? Digits { get; init; }

    public string? SpeechResult { get; init; }

    /// <summary>Speech recognition confidence from 0 to 1.</summary>
    public double? Confidence { get; init; }

    public static WebhookParseResult<GatherResult> Parse(TwilioForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FormReader(form);
        var callSid = read.Required("CallSid");
        var confidence = read.Fraction("Confidence");
        return WebhookParseResult<GatherResult>.From(read, () => new GatherResult
        {
            CallSid = callSid,
            Digits = read.Optional("Digits"),
            SpeechResult = read.Optional("SpeechResult"),
            Confidence = confidence,
        });
    }

    public IReadOnlyList<KeyValuePair<string, string>> ToForm() => new FormWriter()
        .Add("CallSid", CallSid).Add("Digits", Digits).Add("SpeechResult", SpeechResult).Add("Confidence", Confidence).Fields;
}
