using Twilio.Protocol.Signatures;

namespace Twilio.Protocol.Tests.Signatures;

public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("https://hub.example.com", "/twilio/voice?a=1", "https://hub.example.com/twilio/voice?a=1")]
    [InlineData("https://hub.example.com/", "/twilio/voice", "https://hub.example.com/twilio/voice")]
    [InlineData("https://example.com/hub/", "twilio/sms?q=a+b%20c", "https://example.com/hub/twilio/sms?q=a+b%20c")]
    [InlineData("https://hub.example.com:8443", "/twilio/%E8%AF%AD%E9%9F%B3", "https://hub.example.com:8443/twilio/%E8%AF%AD%E9%9F%B3")]
    public void Combine_BaseAndPath_OneSlashQueryUntouched(string publicBaseUrl, string pathAndQuery, string expected)
    {
        Assert.Equal(expected, WebhookUrl.Combine(publicBaseUrl, pathAndQuery));
    }
}
