using System.Globalization;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;

namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// The absolute URLs of the voice path's webhooks. What a webhook needs to answer without a lookup (the offer, the
/// Dial's leg, the queue, the caller's language) travels in the query string, which Twilio's signature covers.
/// </summary>
public sealed class DeskVoiceLinks(IOptions<TwilioOptions> twilio)
{
    public const string BasePath = "/twilio/voice/desk";

    public string Connect(Guid offerId, Guid agentId, string queue, string language, int leg) =>
        Url("connect", ("offer", Id(offerId)), ("agent", Id(agentId)), ("queue", queue), ("lang", language), ("leg", Number(leg)));

    public string Whisper(Guid offerId, string queue, string language, int leg) =>
        Url("whisper", ("offer", Id(offerId)), ("queue", queue), ("lang", language), ("leg", Number(leg)));

    public string DialEnded(Guid offerId, string queue, string language, int leg) =>
        Url("dial-ended", ("offer", Id(offerId)), ("queue", queue), ("lang", language), ("leg", Number(leg)));

    /// <summary>Where the caller goes when the agent hangs up from the desk: what a feature keeps them for, or the goodbye.</summary>
    public string AgentHungUp(Guid offerId, string queue, string language, int leg) =>
        Url("agent-hung-up", ("offer", Id(offerId)), ("queue", queue), ("lang", language), ("leg", Number(leg)));

    public string Hold(Guid offerId, string language) => Url("hold", ("offer", Id(offerId)), ("lang", language));

    public string HoldMusic(string language) => Url("hold-music", ("lang", language));

    public string Requeue(string queue, string language) => Url("requeue", ("queue", queue), ("lang", language));

    public string QueueLeft(string queue, string language) => Url("queue-left", ("queue", queue), ("lang", language));

    public string Transfer(Guid offerId, string language) => Url("transfer", ("offer", Id(offerId)), ("lang", language));

    public string TransferEnded(Guid offerId, string language) => Url("transfer-ended", ("offer", Id(offerId)), ("lang", language));

    public string Voicemail(string queue, string language) => Url("voicemail", ("queue", queue), ("lang", language));

    public string Recorded(string queue, string language) => Url("voicemail/recorded", ("queue", queue), ("lang", language));

    public string CallbackOffer(string queue, string language) => Url("callback-offer", ("queue", queue), ("lang", language));

    public string CallbackChoice(string queue, string language) => Url("callback-offer/choice", ("queue", queue), ("lang", language));

    /// <summary>The hub's call status callback, for calls the voice path places.</summary>
    public string CallStatus() => WebhookUrl.Combine(PublicBase, "/twilio/voice/status");

    private string PublicBase => twilio.Value.PublicBaseUrl ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is not set.");

    private string Url(string action, params (string Name, string Value)[] query) =>
        WebhookUrl.Combine(PublicBase, BasePath + "/" + action + "?" + string.Join('&', query.Select(q => q.Name + "=" + Uri.EscapeDataString(q.Value))));

    private static string Id(Guid id) => id.ToString("D");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
