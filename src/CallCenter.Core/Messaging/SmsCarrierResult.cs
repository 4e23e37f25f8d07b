namespace CallCenter.Core.Messaging;

/// <summary>
/// What the carrier answered: the message it created, as a status to record (<see cref="Sent"/>), or why it refused
/// (<see cref="Refusal"/>: <c>opted-out</c> when the recipient sent STOP to the carrier, <c>invalid-number</c>,
/// <c>carrier-error</c>, <c>carrier-unreachable</c>).
/// </summary>
public sealed record SmsCarrierResult(MessageStatusUpdate? Sent, string? Refusal)
{
    public static SmsCarrierResult Accepted(MessageStatusUpdate sent) => new(sent, null);

    public static SmsCarrierResult Refused(string reason) => new(null, reason);
}
