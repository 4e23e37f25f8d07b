using Twilio.Protocol.Webhooks;

namespace Twilio.Protocol.Tests.Webhooks;

public sealed class ActionResultTests
{
    [Fact]
    public void GatherResult_SpeechWithConfidence_Parses()
    {
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1", ["SpeechResult"] = "我要预约", ["Confidence"] = "0.92" };

        var value = GatherResult.Parse(TwilioForm.From(form)).Value!;

        Assert.Equal(("我要预约", 0.92, null), (value.SpeechResult, value.Confidence!.Value, value.Digits));
    }

    [Theory]
    [InlineData("1.5", "must be between 0 and 1")]
    [InlineData("high", "is not a number")]
    [InlineData("NaN", "is not a number")]
    public void GatherResult_BadConfidence_ReportsField(string confidence, string reason)
    {
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1", ["Digits"] = "1", ["Confidence"] = confidence };

        Assert.Equal([new WebhookFieldError("Confidence", reason)], GatherResult.Parse(TwilioForm.From(form)).Errors);
    }

    [Fact]
    public void GatherResult_NothingGathered_IsValidAndEmpty()
    {
        var value = GatherResult.Parse(TwilioForm.From(new Dictionary<string, string> { ["CallSid"] = "CA1" })).Value!;

        Assert.Equal((null, null, null), (value.Digits, value.SpeechResult, value.Confidence));
    }

    [Fact]
    public void DialResult_AnsweredCall_ParsesAndRoundTrips()
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1", ["DialCallStatus"] = "completed", ["DialCallSid"] = "CA2", ["DialCallDuration"] = "61",
        };

        var value = DialResult.Parse(TwilioForm.From(form)).Value!;

        Assert.Equal(new DialResult { CallSid = "CA1", DialCallStatus = DialCallStatus.Completed, DialCallSid = "CA2", DialCallDuration = 61 }, value);
        Assert.Equal(value, DialResult.Parse(TwilioForm.From(value.ToForm())).Value);
    }

    [Fact]
    public void DialResult_MissingStatus_ReportsIt()
    {
        var result = DialResult.Parse(TwilioForm.From(new Dictionary<string, string> { ["CallSid"] = "CA1" }));

        Assert.Equal([new WebhookFieldError("DialCallStatus", "is required")], result.Errors);
    }

    [Theory]
    [InlineData("bridged", QueueResult.Bridged)]
    [InlineData("bridging-in-process", QueueResult.BridgingInProgress)]
    [InlineData("queue-full", QueueResult.QueueFull)]
    [InlineData("hangup", QueueResult.Hangup)]
    [InlineData("redirected-from-bridged", QueueResult.RedirectedFromBridged)]
    public void EnqueueResult_QueueResult_Parses(string wire, QueueResult expected)
    {
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1", ["QueueResult"] = wire, ["QueueSid"] = "QU1", ["QueueTime"] = "30" };

        var value = EnqueueResult.Parse(TwilioForm.From(form)).Value!;

        Assert.Equal((expected, 30), (value.QueueResult, value.QueueTime!.Value));
        Assert.Equal(value, EnqueueResult.Parse(TwilioForm.From(value.ToForm())).Value);
    }

    [Fact]
    public void EnqueueWait_Position_ParsesAndRoundTrips()
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1", ["QueuePosition"] = "2", ["QueueSid"] = "QU1", ["QueueTime"] = "15", ["AvgQueueTime"] = "40", ["CurrentQueueSize"] = "5",
        };

        var value = EnqueueWait.Parse(TwilioForm.From(form)).Value!;

        Assert.Equal((2, 40, 5), (value.QueuePosition, value.AvgQueueTime!.Value, value.CurrentQueueSize!.Value));
        Assert.Equal(value, EnqueueWait.Parse(TwilioForm.From(value.ToForm())).Value);
    }

    [Theory]
    [InlineData("0", "must be between 1 and 2147483647")]
    [InlineData("first", "is not a whole number")]
    [InlineData("99999999999", "is not a whole number")]
    public void EnqueueWait_BadPosition_ReportsField(string position, string reason)
    {
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1", ["QueuePosition"] = position };

        Assert.Equal([new WebhookFieldError("QueuePosition", reason)], EnqueueWait.Parse(TwilioForm.From(form)).Errors);
    }
}
