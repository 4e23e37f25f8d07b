namespace Twilio.Protocol.Tests.Signatures;

/// <summary>A form webhook to sign: URL exactly as requested, and the POST parameters in the order sent.</summary>
public sealed record FormCase(string Name, string Url, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public const string Token = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    public override string ToString() => Name;
}

internal static class SignatureCases
{
    private static readonly KeyValuePair<string, string>[] Voice =
    [
        new("CallSid", "CA0123456789abcdef0123456789abcdef"),
        new("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        new("From", "+8613800138000"),
        new("To", "+861065529988"),
        new("CallStatus", "ringing"),
        new("Direction", "inbound"),
        new("ApiVersion", "2010-04-01"),
    ];

    public static IReadOnlyList<FormCase> All { get; } =
    [
        new("known-vector", "https://mycompany.com/myapp.php?foo=1&bar=2",
        [
            new("CallSid", "CA1234567890ABCDE"), new("Caller", "+14158675309"), new("Digits", "1234"),
            new("From", "+14158675309"), new("To", "+18005551212"),
        ]),
        new("no-port", "https://hub.example.com/twilio/voice", Voice),
        new("default-https-port", "https://hub.example.com:443/twilio/voice", Voice),
        new("default-http-port", "http://hub.example.com:80/twilio/voice", Voice),
        new("custom-port", "https://hub.example.com:8443/twilio/voice", Voice),
        new("query-string", "https://hub.example.com/twilio/voice?lang=zh-CN&step=2&empty=", Voice),
        new("chinese-text", "https://hub.example.com/twilio/sms",
        [
            new("Body", "您好，我想预约明天上午的门诊。"), new("CallerName", "张三"), new("FromCity", "北京"),
            new("MessageSid", "SM0123456789abcdef0123456789abcdef"),
        ]),
        new("chinese-url", "https://hub.example.com/twilio/语音?名字=张三", Voice),
        new("plus-and-spaces", "https://hub.example.com/twilio/sms?q=a+b%20c",
        [
            new("From", "+8613800138000"), new("Body", "a b+c %20 & = ? # 100% +86"), new("To", " +86 10 6552 9988 "),
        ]),
        new("repeated-keys", "https://hub.example.com/twilio/status",
        [
            new("StatusCallbackEvent", "ringing"), new("CallSid", "CA1"), new("StatusCallbackEvent", "answered"),
            new("StatusCallbackEvent", "completed"), new("StatusCallbackEvent", "answered"), new("StatusCallbackEvent", "initiated"),
        ]),
        new("ordinal-sort", "https://hub.example.com/twilio/voice",
        [
            new("b", "1"), new("B", "2"), new("a_b", "3"), new("aB", "4"), new("Ä", "5"), new("Z", "6"), new("a", "7"), new("10", "8"), new("9", "9"),
        ]),
        new("emoji-and-empty", "https://hub.example.com/twilio/sms",
        [
            new("Body", "好的 👍🏽 谢谢"), new("MediaUrl0", string.Empty), new("NumMedia", "0"),
        ]),
        new("no-parameters", "https://hub.example.com/twilio/voice?x=1", []),
    ];
}
