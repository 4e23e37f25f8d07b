using System.Globalization;
using System.Security.Cryptography;
using Twilio.Protocol.Signatures;

namespace WallboardLoad;

/// <summary>
/// Signed Twilio webhooks for calls that exist only in the bench, as the carrier sends them: a new inbound call (the
/// bench flow enqueues it: an <c>entered</c> queue event) and its final status (the caller hung up: <c>abandoned</c>).
/// </summary>
internal sealed class SignedWebhooks(HttpClient client, WallboardLoadOptions options)
{
    private const string AccountSid = "AC5eed000000000000000000000000cafe";

    public static string NewCallSid() => "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewCaller() => "+86138" + RandomNumberGenerator.GetInt32(100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public Task<bool> IncomingAsync(string callSid, string from, CancellationToken cancellationToken) =>
        SendAsync("/twilio/voice", [.. Common(callSid, from), new("CallStatus", "ringing")], cancellationToken);

    public Task<bool> CompletedAsync(string callSid, string from, CancellationToken cancellationToken) =>
        SendAsync("/twilio/voice/status",
            [.. Common(callSid, from), new("CallStatus", "completed"), new("CallDuration", "3"), new("SequenceNumber", "3")],
            cancellationToken);

    private IEnumerable<KeyValuePair<string, string>> Common(string callSid, string from) =>
    [
        new("CallSid", callSid), new("AccountSid", AccountSid), new("From", from), new("To", options.To),
        new("Direction", "inbound"), new("ApiVersion", "2010-04-01"),
    ];

    private async Task<bool> SendAsync(string path, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var url = options.Url + path;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.SignForm(options.Token, url, form));
        request.Headers.Add("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, cancellationToken);
        await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
