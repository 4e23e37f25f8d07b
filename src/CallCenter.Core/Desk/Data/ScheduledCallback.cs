
namespace CallCenter.Core.Desk.Data;

/// <summary>A callback an agent promised a patient. Dialling it out is later work; the row keeps the promise.</summary>
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
}
