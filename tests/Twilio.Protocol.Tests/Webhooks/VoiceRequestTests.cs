using Microsoft.Extensions.Primitives;
using Twilio.Protocol.Webhooks;

namespace Twilio.Protocol.Tests.Webhooks;

public sealed class VoiceRequestTests
{
    private static Dictionary<string, string> IncomingCall() => new()
    {
        ["CallSid"] = "CA0123456789abcdef0123456789abcdef",
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["From"] = "+8613800138000",
        ["To"] = "+861065529988",
        ["CallStatus"] = "ringing",
        ["ApiVersion"] = "2010-04-01",
        ["Direction"] = "inbound",
        ["CallerName"] = "张三",
        ["FromCity"] = "BEIJING",
    };

    [Fact]
    public void Parse_IncomingCall_ReadsEveryField()
    {
        var result = VoiceRequest.Parse(TwilioForm.From(IncomingCall()));

        Assert.True(result.IsValid);
        Assert.Equal(
            new VoiceRequest
            {
                CallSid = "CA0123456789abcdef0123456789abcdef",
                AccountSid = "AC0123456789abcdef0123456789abcdef",
                From = "+8613800138000",
                To = "+861065529988",
                CallStatus = CallStatus.Ringing,
                ApiVersion = "2010-04-01",
                Direction = CallDirection.Inbound,
                CallerName = "张三",
            },
            result.Value);
    }

    [Fact]
    public void Parse_AspNetStyleMultiValueForm_TakesFirstValue()
    {
        var fields = IncomingCall().ToDictionary(f => f.Key, f => new StringValues(f.Value));
        fields["CallStatus"] = new StringValues(["in-progress", "ringing"]);

        var result = VoiceRequest.Parse(TwilioForm.From(fields));

        Assert.Equal(CallStatus.InProgress, result.Value!.CallStatus);
    }

    [Fact]
    public void Parse_MissingOptionalFields_UsesDefaults()
    {
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1", ["AccountSid"] = "AC1", ["CallStatus"] = "queued" };

        var value = VoiceRequest.Parse(TwilioForm.From(form)).Value!;

        Assert.Equal((string.Empty, string.Empty, null, null), (value.From, value.To, value.Direction, value.ForwardedFrom));
    }

    [Fact]
    public void Parse_MissingAndMalformedFields_ReportsEachFieldWithoutThrowing()
    {
        var form = new Dictionary<string, string> { ["CallSid"] = " ", ["CallStatus"] = "on-hold", ["Direction"] = "sideways" };

        var result = VoiceRequest.Parse(TwilioForm.From(form));

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(["CallSid", "AccountSid", "CallStatus", "Direction"], result.Errors.Select(e => e.Field));
        Assert.Contains("in-progress", result.Errors.Single(e => e.Field == "CallStatus").Reason, StringComparison.Ordinal);
        Assert.Throws<FormatException>(result.GetValueOrThrow);
    }

    [Fact]
    public void ToForm_ThenParse_RoundTrips()
    {
        var original = VoiceRequest.Parse(TwilioForm.From(IncomingCall())).Value!;

        Assert.Equal(original, VoiceRequest.Parse(TwilioForm.From(original.ToForm())).Value);
    }
}
