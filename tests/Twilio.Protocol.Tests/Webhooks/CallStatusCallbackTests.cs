using Twilio.Protocol.Webhooks;

namespace Twilio.Protocol.Tests.Webhooks;

public sealed class CallStatusCallbackTests
{
    [Fact]
    public void Parse_CompletedCallback_ReadsDurationTimeAndSequence()
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1", ["AccountSid"] = "AC1", ["CallStatus"] = "completed", ["CallDuration"] = "42",
            ["Timestamp"] = "Mon, 23 Nov 2026 09:18:00 +0000", ["CallbackSource"] = "call-progress-events", ["SequenceNumber"] = "3",
            ["Direction"] = "outbound-api",
        };

        var value = CallStatusCallback.Parse(TwilioForm.From(form)).Value!;

        Assert.Equal(CallStatus.Completed, value.CallStatus);
        Assert.Equal(42, value.CallDuration);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 18, 0, TimeSpan.Zero), value.Timestamp);
        Assert.Equal(3, value.SequenceNumber);
        Assert.Equal(CallDirection.OutboundApi, value.Direction);
    }

    [Theory]
    [InlineData("CallDuration", "forty", "is not a whole number")]
    [InlineData("CallDuration", "-1", "must be between 0 and 2147483647")]
    [InlineData("SequenceNumber", "1.5", "is not a whole number")]
    [InlineData("Timestamp", "yesterday", "is not a date and time")]
    [InlineData("CallStatus", "", "is required")]
    public void Parse_MalformedField_NamesFieldAndReason(string field, string value, string reason)
    {
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1", ["AccountSid"] = "AC1", ["CallStatus"] = "ringing", [field] = value };

        var result = CallStatusCallback.Parse(TwilioForm.From(form));

        Assert.Equal([new WebhookFieldError(field, reason)], result.Errors);
    }

    [Fact]
    public void ToForm_ThenParse_RoundTrips()
    {
        var callback = new CallStatusCallback
        {
            CallSid = "CA1", AccountSid = "AC1", CallStatus = CallStatus.NoAnswer, From = "+8613800138000", To = "+861065529988",
            Direction = CallDirection.OutboundDial, ParentCallSid = "CA0", CallDuration = 0,
            Timestamp = new DateTimeOffset(2026, 11, 23, 9, 18, 5, TimeSpan.Zero), CallbackSource = "call-progress-events", SequenceNumber = 2,
        };

        var form = callback.ToForm();

        Assert.Contains(new KeyValuePair<string, string>("CallStatus", "no-answer"), form);
        Assert.Contains(new KeyValuePair<string, string>("Timestamp", "Mon, 23 Nov 2026 09:18:05 +0000"), form);
        Assert.Equal(callback, CallStatusCallback.Parse(TwilioForm.From(form)).Value);
    }

    [Theory]
    [InlineData("queued", "ringing")]
    [InlineData("initiated", "ringing")]
    [InlineData("ringing", "in-progress")]
    [InlineData("in-progress", "completed")]
    [InlineData("ringing", "no-answer")]
    [InlineData("queued", "canceled")]
    public void Rank_LaterStatus_IsHigher(string earlier, string later)
    {
        Assert.True(CallStatuses.Names.TryParse(earlier, out var first));
        Assert.True(CallStatuses.Names.TryParse(later, out var second));

        Assert.True(second.Rank() > first.Rank());
    }

    [Theory]
    [InlineData(CallStatus.Completed, true)]
    [InlineData(CallStatus.Busy, true)]
    [InlineData(CallStatus.Failed, true)]
    [InlineData(CallStatus.NoAnswer, true)]
    [InlineData(CallStatus.Canceled, true)]
    [InlineData(CallStatus.InProgress, false)]
    [InlineData(CallStatus.Queued, false)]
    public void IsFinal_Status_OnlyForEndedCalls(CallStatus status, bool final)
    {
        Assert.Equal(final, status.IsFinal());
    }
}
