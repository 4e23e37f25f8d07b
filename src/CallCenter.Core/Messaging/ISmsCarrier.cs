namespace CallCenter.Core.Messaging;

/// <summary>
/// Sends a text through the carrier (Twilio, or the simulator that speaks its protocol). The host implements it over
/// the carrier's REST API, which the Core does not know. A refusal is an answer, never an exception: whoever sends
/// decides what a refused text means for them.
/// </summary>
public interface ISmsCarrier
{
    Task<SmsCarrierResult> SendAsync(string recipient, string sender, string body, CancellationToken cancellationToken);
}
