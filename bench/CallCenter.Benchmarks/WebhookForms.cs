using Twilio.Protocol.Signatures;

namespace CallCenter.Benchmarks;

/// <summary>A typical inbound voice webhook as Twilio posts it: 15 form parameters, signed with a known token.</summary>
public static class WebhookForms
{
    public const string AuthToken = "0123456789abcdef0123456789abcdef";

    public const string Url = "https://hub.example-hospital.cn/twilio/voice";

    public static IReadOnlyList<KeyValuePair<string, string>> Voice { get; } =
    [
        new("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", "CA9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
        new("CallStatus", "ringing"),
        new("Called", "+862161234567"),
        new("CalledCity", "Shanghai"),
        new("CalledCountry", "CN"),
        new("CalledState", "SH"),
        new("Caller", "+8613812345678"),
        new("CallerCountry", "CN"),
        new("Direction", "inbound"),
        new("From", "+8613812345678"),
        new("FromCountry", "CN"),
        new("To", "+862161234567"),
        new("ToCountry", "CN"),
    ];

    public static string VoiceSignature { get; } = TwilioSignature.SignForm(AuthToken, Url, Voice);
}
