namespace Ivr.Flows.Services;

/// <summary>Sends an SMS from a flow, if the patient's consent allows it.</summary>
public interface IFlowMessenger
{
    /// <summary>Queues the text for sending; <c>Sent = false</c> with the reason when consent or the number forbids it.</summary>
    Task<SendResult> SendSmsAsync(OutgoingSms sms, CancellationToken cancellationToken);
}
