namespace CallCenter.Core.Surveys;

/// <summary>
/// A survey sent to a patient, with what it is about (call, agent, queue, department, doctor, visit, follow-up) and
/// where its SMS dialogue stands: <see cref="QuestionIndex"/> awaits an answer, <see cref="Reasked"/> once it was asked
/// again after an answer that could not be read.
/// </summary>
public sealed record SurveyInvitation
{
    public required Guid Id { get; init; }
    public required Guid DefinitionId { get; init; }
    public required string SourceKey { get; init; }
    public required string TriggerKind { get; init; }
    public required Guid PatientId { get; init; }
    public required string Phone { get; init; }
    public required string Language { get; init; }
    public string? CallSid { get; init; }
    public Guid? AgentId { get; init; }
    public string? QueueName { get; init; }
    public Guid? DepartmentId { get; init; }
    public Guid? DoctorId { get; init; }
    public Guid? AppointmentId { get; init; }
    public Guid? FollowUpId { get; init; }
    public required Guid PendingReplyId { get; init; }
    public required string Status { get; init; }
    public int QuestionIndex { get; init; }
    public bool Reasked { get; init; }
    public required DateTime DueAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public required DateTime CreatedAt { get; init; }
}
