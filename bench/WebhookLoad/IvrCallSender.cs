using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Twilio.Protocol.Signatures;

namespace WebhookLoad;

/// <summary>
/// Plays whole calls through the hub's IVR as Twilio would: the incoming-call webhook, then every action URL the
/// TwiML names (Gather with the next key of a script, Record with a recording, Enqueue with one hold poll and a
/// hang-up), until the hub hangs up or the call has made <see cref="MaxWebhooksPerCall"/> webhooks. Each webhook is
/// one timed sample; the path taken depends on the flow and the hub's clock (opening hours), not on this tool.
/// </summary>
internal sealed class IvrCallSender(HttpClient client, LoadOptions options)
{
    public const int MaxWebhooksPerCall = 8;

    private const string AccountSid = "AC5eed000000000000000000000000cafe";
    private static readonly string[] Keys = ["2", "3", "1", "2", "0", "1", "2", "2"];

    /// <summary>Runs one call; returns one sample per webhook.</summary>
    public async Task<IReadOnlyList<Sample>> CallAsync(CancellationToken cancellationToken)
    {
        var call = new List<KeyValuePair<string, string>>
        {
            new("CallSid", "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            new("AccountSid", AccountSid),
            new("From", "+86138" + RandomNumberGenerator.GetInt32(100_000_000).ToString("D8", CultureInfo.InvariantCulture)),
            new("To", "+862161234567"),
            new("CallStatus", "in-progress"),
            new("Direction", "inbound"),
            new("ApiVersion", "2010-04-01"),
        };
        var samples = new List<Sample>();
        var (sample, twiml) = await PostAsync(options.Url + "/twilio/voice", call, [], cancellationToken);
        samples.Add(sample);
        for (var hook = 1; hook < MaxWebhooksPerCall && twiml?.Root is { } root; hook++)
        {
            if (Next(root, hook) is not { } next)
            {
                break;
            }

            (sample, twiml) = await PostAsync(next.Url, call, next.Fields, cancellationToken);
            samples.Add(sample);
        }

        return samples;
    }

    // What Twilio would request next for this TwiML; null when the call ends here.
    private static (string Url, KeyValuePair<string, string>[] Fields)? Next(XElement root, int hook)
    {
        foreach (var verb in root.Elements())
        {
            var action = (string?)verb.Attribute("action");
            switch (verb.Name.LocalName)
            {
                case "Gather" when action is not null:
                    return (action, [new("Digits", Keys[hook % Keys.Length])]);
                case "Record" when action is not null:
                    return (action, [new("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1"), new("RecordingDuration", "7")]);
                case "Enqueue" when action is not null:
                    // One hold poll, then the caller hangs up: the queue-left webhook ends the call.
                    var wait = (string?)verb.Attribute("waitUrl");
                    return hook % 2 == 1 && wait is not null
                        ? (wait, [new("QueuePosition", "1"), new("QueueTime", "5")])
                        : (action, [new("QueueResult", "hangup"), new("QueueTime", "5")]);
                case "Hangup" or "Dial" or "Reject":
                    return null;
            }
        }

        return null;
    }

    private async Task<(Sample Sample, XDocument? Twiml)> PostAsync(
        string url, IReadOnlyList<KeyValuePair<string, string>> call, KeyValuePair<string, string>[] fields, CancellationToken cancellationToken)
    {
        var parameters = call.Concat(fields).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.SignForm(options.Token, url, parameters));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            stopwatch.Stop();
            var ok = response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/xml"
                && body.Contains("<Response", StringComparison.Ordinal);
            return (new Sample(stopwatch.Elapsed, ok, ok ? "200" : $"{(int)response.StatusCode}"), ok ? XDocument.Parse(body) : null);
        }
        catch (HttpRequestException ex)
        {
            return (new Sample(stopwatch.Elapsed, false, "transport: " + ex.HttpRequestError), null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new Sample(stopwatch.Elapsed, false, "timeout"), null);
        }
    }
}
