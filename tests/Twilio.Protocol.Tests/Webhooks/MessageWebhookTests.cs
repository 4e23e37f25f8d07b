using Twilio.Protocol.Webhooks;

namespace Twilio.Protocol.Tests.Webhooks;

public sealed class MessageWebhookTests
{
    [Fact]
    public void IncomingMessage_WithMedia_ReadsMediaList()
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM1", ["AccountSid"] = "AC1", ["From"] = "+8613800138000", ["To"] = "+861065529988",
            ["Body"] = "检查报告 📄", ["NumMedia"] = "2", ["NumSegments"] = "1",
            ["MediaUrl0"] = "https://api.twilio.com/media/ME0", ["MediaContentType0"] = "image/jpeg",
            ["MediaUrl1"] = "https://api.twilio.com/media/ME1",
        };

        var value = IncomingMessage.Parse(TwilioForm.From(form)).Value!;

        Assert.Equal("检查报告 📄", value.Body);
        Assert.Equal([new MessageMedia("https://api.twilio.com/media/ME0", "image/jpeg"), new MessageMedia("https://api.twilio.com/media/ME1", null)], value.Media);
        Assert.Equal(1, value.NumSegments);
    }

    [Fact]
    public void IncomingMessage_NoBodyNoMedia_DefaultsEmpty()
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["AccountSid"] = "AC1", ["From"] = "+1", ["To"] = "+2" };

        var value = IncomingMessage.Parse(TwilioForm.From(form)).Value!;

        Assert.Equal((string.Empty, 0, 0), (value.Body, value.NumMedia, value.Media.Count));
    }

    [Theory]
    [InlineData("11", "NumMedia", "must be between 0 and 10")]
    [InlineData("x", "NumMedia", "is not a whole number")]
    [InlineData("1", "MediaUrl0", "is required")]
    public void IncomingMessage_BadMedia_ReportsField(string numMedia, string field, string reason)
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["AccountSid"] = "AC1", ["From"] = "+1", ["To"] = "+2", ["NumMedia"] = numMedia };

        Assert.Equal([new WebhookFieldError(field, reason)], IncomingMessage.Parse(TwilioForm.From(form)).Errors);
    }

    [Fact]
    public void IncomingMessage_ToForm_ThenParse_RoundTrips()
    {
        var message = new IncomingMessage
        {
            MessageSid = "SM1", AccountSid = "AC1", MessagingServiceSid = "MG1", From = "+8613800138000", To = "+861065529988",
            Body = "STOP", NumMedia = 1, NumSegments = 1, Media = [new MessageMedia("https://m/ME0", "image/png")],
        };

        var parsed = IncomingMessage.Parse(TwilioForm.From(message.ToForm())).Value!;

        Assert.Equal(message with { Media = [] }, parsed with { Media = [] });
        Assert.Equal(message.Media, parsed.Media);
    }

    [Theory]
    [InlineData("delivered", MessageStatus.Delivered)]
    [InlineData("undelivered", MessageStatus.Undelivered)]
    [InlineData("partially_delivered", MessageStatus.PartiallyDelivered)]
    [InlineData("received", MessageStatus.Received)]
    [InlineData("sending", MessageStatus.Sending)]
    public void MessageStatusCallback_Status_Parses(string wire, MessageStatus expected)
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["AccountSid"] = "AC1", ["MessageStatus"] = wire, ["ErrorCode"] = "30003" };

        var value = MessageStatusCallback.Parse(TwilioForm.From(form)).Value!;

        Assert.Equal((expected, 30003), (value.MessageStatus, value.ErrorCode!.Value));
        Assert.Equal(value, MessageStatusCallback.Parse(TwilioForm.From(value.ToForm())).Value);
    }

    [Fact]
    public void MessageStatusCallback_UnknownStatusAndBadCode_ReportsBoth()
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["AccountSid"] = "AC1", ["MessageStatus"] = "lost", ["ErrorCode"] = "30003x" };

        var result = MessageStatusCallback.Parse(TwilioForm.From(form));

        Assert.Equal(["MessageStatus", "ErrorCode"], result.Errors.Select(e => e.Field));
    }
}
