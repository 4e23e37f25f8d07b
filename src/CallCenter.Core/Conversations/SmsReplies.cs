namespace CallCenter.Core.Conversations;

/// <summary>A hub SMS that awaits an answer: open until <see cref="ClosedAt"/> is set or <see cref="ExpiresAt"/> passes.</summary>
public sealed record SmsPendingReply
{
    public required Guid Id { get; init; }
    public required string Phone { get; init; }
    public required string Purpose { get; init; }
    public Guid? PatientId { get; init; }
    public Guid? AppointmentId { get; init; }
    public Guid? SurveyId { get; init; }
    public string? MessageSid { get; init; }
    public required DateTime SentAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    public string? Outcome { get; init; }
}
