namespace CallCenter.Core.Scheduling;

/// <summary>A patient waiting for a place in a full slot; served in arrival order.</summary>
public sealed record WaitlistEntry
{
    public const string Waiting = "waiting";

    public required Guid Id { get; init; }
    public required Guid SlotId { get; init; }
    public required Guid PatientId { get; init; }
    public string Status { get; init; } = Waiting;
    public string? Note { get; init; }
    public required DateTime CreatedAt { get; init; }
}
