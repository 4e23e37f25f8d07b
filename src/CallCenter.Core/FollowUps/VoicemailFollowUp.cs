namespace CallCenter.Core.FollowUps;

/// <summary>Work the IVR leaves for staff. Only voicemails for now (<see cref="FollowUpKinds"/>).</summary>
public sealed record FollowUp
{
    public required Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string CallSid { get; init; }
    public Guid? PatientId { get; init; }
    public required string CallerNumber { get; init; }
    public required string RecordingUrl { get; init; }
    public int? DurationSeconds { get; init; }
    public required string Category { get; init; }
    public required string Language { get; init; }
    public required string Status { get; init; }
    public required DateTime CreatedAt { get; init; }
}
