using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Twilio.Protocol.Signatures;

namespace WebhookLoad;

/// <summary>Sends one signed <c>POST /twilio/voice</c> as Twilio would for a new inbound call, and times it.</summary>
internal sealed class VoiceWebhookSender(HttpClient client, LoadOptions options)
{
    private const string AccountSid = "AC5eed000000000000000000000000cafe";

    private readonly string _voiceUrl = options.Url + "/twilio/voice";

    public async Task<Sample> SendAsync(CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("CallSid", "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            new("AccountSid", AccountSid),
            new("From", "+86138" + RandomNumberGenerator.GetInt32(100_000_000).ToString("D8", CultureInfo.InvariantCulture)),
            new("To", "+862161234567"),
            new("CallStatus", "ringing"),
            new("Direction", "inbound"),
            new("ApiVersion", "2010-04-01"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, _voiceUrl) { Content = new FormUrlEncodedContent(parameters) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.SignForm(options.Token, _voiceUrl, parameters));
        request.Headers.Add("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());

        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            stopwatch.Stop();
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var ok = response.IsSuccessStatusCode
                && (int)response.StatusCode == 200
                && mediaType == "text/xml"
                && body.Contains("<Response>", StringComparison.Ordinal);
            var outcome = ok ? "200" : $"{(int)response.StatusCode} {mediaType ?? "no content type"}";
            return new Sample(stopwatch.Elapsed, ok, outcome);
        }
        catch (HttpRequestException ex)
        {
            return new Sample(stopwatch.Elapsed, false, "transport: " + ex.HttpRequestError);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Sample(stopwatch.Elapsed, false, "timeout");
        }
    }
}

/// <summary>One request: how long it took, whether the answer was 200 TwiML, and what it was otherwise.</summary>
internal readonly record struct Sample(TimeSpan Elapsed, bool Ok, string Outcome);
