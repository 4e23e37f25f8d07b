namespace Twilio.Protocol.Webhooks;

/// <summary>HTTP headers Twilio sends with every webhook.</summary>
public static class TwilioWebhookHeaders
{
    /// <summary>The request signature; see <see cref="Signatures.TwilioRequestValidator"/>.</summary>
    public const string Signature = Signatures.TwilioSignature.HeaderName;

    /// <summary>
    /// The same on every retry of one webhook. Delivery is at least once, so a handler that changes state should
    /// remember this token (or the CallSid/MessageSid and status) and answer a repeat without acting twice.
    /// </summary>
    public const string IdempotencyToken = "I-Twilio-Idempotency-Token";
}
