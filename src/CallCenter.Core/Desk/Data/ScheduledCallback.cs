
namespace CallCenter.Core.Desk.Data;

/// <summary>
/// A callback an agent promised a patient. The row keeps the promise; the callback request stored with it (in
/// <see cref="QueueName"/>, due at <see cref="DueAt"/>) is what the callback job dials.
/// </summary>
public sealed record ScheduledCallback
{
    public required Guid Id { get; init; }
    public Guid? PatientId { get; init; }
    public required string Number { get; init; }
    public required DateTime DueAt { get; init; }
    public string? Note { get; init; }
    public required Guid OfferId { get; init; }
    public required string Status { get; init; }
    public required Guid CreatedBy { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>The queue the callback is dialled for (the call's), and the patient's language: the callback request's.</summary>
    public string QueueName { get; init; } = "general";
    public string Language { get; init; } = "zh-CN";
}
