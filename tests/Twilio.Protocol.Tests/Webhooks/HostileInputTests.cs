using Twilio.Protocol.Webhooks;

namespace Twilio.Protocol.Tests.Webhooks;

/// <summary>Whatever arrives in a webhook's fields, parsing answers with a result, never an exception.</summary>
public sealed class HostileInputTests
{
    private static readonly string[] Fields =
    [
        "CallSid", "AccountSid", "From", "To", "CallStatus", "ApiVersion", "Direction", "ForwardedFrom", "CallerName", "ParentCallSid",
        "Digits", "SpeechResult", "Confidence", "DialCallStatus", "DialCallSid", "DialCallDuration", "QueueResult", "QueueSid", "QueueTime",
        "QueuePosition", "AvgQueueTime", "CurrentQueueSize", "CallDuration", "Timestamp", "CallbackSource", "SequenceNumber",
        "MessageSid", "MessagingServiceSid", "Body", "NumMedia", "NumSegments", "MediaUrl0", "MediaContentType0", "MessageStatus", "ErrorCode",
    ];

    public static TheoryData<string> Values => new(
        "", " ", "\0", "-1", "+1", "0x10", "1e309", "NaN", "-Infinity", "99999999999999999999", "2147483648", "1,000", "１２", "٣",
        "😀", "\uD800", "<Response/>", "'; DROP TABLE call; --", new string('9', 10_000), "Mon, 32 Nov 2026 25:61:00 +0000");

    [Theory]
    [MemberData(nameof(Values))]
    public void Parse_EveryFieldHostile_ReturnsResultWithoutThrowing(string value)
    {
        var form = TwilioForm.From(Fields.Select(f => new KeyValuePair<string, string>(f, value)));

        var results = new object[]
        {
            VoiceRequest.Parse(form), GatherResult.Parse(form), DialResult.Parse(form), EnqueueResult.Parse(form), EnqueueWait.Parse(form),
            CallStatusCallback.Parse(form), IncomingMessage.Parse(form), MessageStatusCallback.Parse(form),
        };

        Assert.All(results, Assert.NotNull);
        Assert.False(CallStatusCallback.Parse(form).IsValid);
    }

    [Fact]
    public void Parse_EmptyForm_ReportsRequiredFields()
    {
        var result = IncomingMessage.Parse(TwilioForm.From(new Dictionary<string, string>()));

        Assert.Equal(["MessageSid", "AccountSid", "From", "To"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal("is required", e.Reason));
    }
}
