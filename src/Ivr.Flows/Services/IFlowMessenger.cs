namespace Ivr.Flows.Services;

/// <summary>Sends an SMS from a flow, if the patient's consent allows it.</summary>
public interface IFlowMessenger
{
    /// <summary>Queues the text for sending; <c>Sent = false</c> with the reason when consent or the number forbids it.</summary>
    Task<SendResult> SendSmsAsync(OutgoingSms sms, CancellationToken cancellationToken);
}

/// <summary>
/// An SMS a flow sends. <see cref="Purpose"/> (e.g. <c>appointment</c>) lets a reply be matched to it.
/// <see cref="From"/> is the hotline number the patient called: the sender when the hub has no SMS number configured.
/// </summary>
public sealed record OutgoingSms(string To, string Body, Guid? PatientId, string Purpose, Guid? AppointmentId = null, string? From = null);

public sealed record SendResult(bool Sent, string? Reason = null);
