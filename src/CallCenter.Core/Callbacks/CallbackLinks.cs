using System.Globalization;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;

namespace CallCenter.Core.Callbacks;

/// <summary>
/// The webhooks of a callback's dial. The callback and the attempt travel in the query string (covered by Twilio's
/// signature), so a webhook that arrives before the REST answer, or twice, still finds its attempt.
/// </summary>
public sealed class CallbackLinks(IOptions<TwilioOptions> twilio)
{
    public const string AnswerPath = "/twilio/callbacks/answer";

    /// <summary>Customer-first: the patient answered (or their machine did).</summary>
    public string Answer(Guid callbackId, int attempt, string language) =>
        Url(AnswerPath, ("callback", callbackId.ToString("D")), ("attempt", Number(attempt)), ("lang", language));

    /// <summary>The hub's call status callback, marked with the callback and attempt it reports on.</summary>
    public string Status(Guid callbackId, int attempt) =>
        Url("/twilio/voice/status", ("callback", callbackId.ToString("D")), ("attempt", Number(attempt)));

    private string Url(string path, params (string Name, string Value)[] query) =>
        WebhookUrl.Combine(
            twilio.Value.PublicBaseUrl ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is not set."),
            path + "?" + string.Join('&', query.Select(q => q.Name + "=" + Uri.EscapeDataString(q.Value))));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
