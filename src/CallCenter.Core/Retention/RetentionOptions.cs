using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Retention;

/// <summary>
/// How long the hub keeps data that has served its purpose (section <c>Retention</c>); the <c>retention.purge</c> job
/// removes what is older. The minimums are floors below which the hub would lose something it still needs.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Webhook receipts (<c>webhook_receipt</c>): the idempotency tokens that make a redelivered webhook a no-op.
    /// Twilio redelivers within hours; the floor of 2 days leaves a wide margin (and clock skew) before a token goes.
    /// </summary>
    [Range(2, 36500, ErrorMessage = "Retention:WebhookReceiptDays must be between 2 and 36500: webhook receipts guard against Twilio redelivering a webhook, which it does within hours, so fewer than 2 days could let a retry act twice.")]
    public int WebhookReceiptDays { get; set; } = 30;

    /// <summary>IVR sessions (<c>ivr_session</c>): a call's or SMS conversation's flow state, trace and outcome.</summary>
    [Range(7, 36500, ErrorMessage = "Retention:IvrSessionDays must be between 7 and 36500: a live SMS conversation and the agent's screen-pop of a recent call read the session.")]
    public int IvrSessionDays { get; set; } = 180;

    /// <summary>SMS message bodies (<c>message.body</c>): blanked, the message's metadata kept.</summary>
    [Range(30, 36500, ErrorMessage = "Retention:MessageBodyDays must be between 30 and 36500: agents read recent SMS threads.")]
    public int MessageBodyDays { get; set; } = 365;

    /// <summary>Rows removed or blanked per statement, so a large first purge does not hold a table for long.</summary>
    [Range(100, 100000, ErrorMessage = "Retention:BatchSize must be between 100 and 100000.")]
    public int BatchSize { get; set; } = 1000;
}
