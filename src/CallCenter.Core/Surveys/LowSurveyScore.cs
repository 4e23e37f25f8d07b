namespace CallCenter.Core.Surveys;

/// <summary>A low answer (CSAT 2 or less, NPS 6 or less) with what the survey was about, for service recovery.</summary>
public sealed record LowSurveyScore
{
    public required Guid InvitationId { get; init; }
    public required Guid DefinitionId { get; init; }
    public required string SurveyKey { get; init; }
    public required int SurveyVersion { get; init; }
    public required string TriggerKind { get; init; }
    public required Guid PatientId { get; init; }
    public required string Phone { get; init; }
    public required string Language { get; init; }
    public required int QuestionIndex { get; init; }
    public required string QuestionType { get; init; }
    public required int Score { get; init; }
    public string? CallSid { get; init; }
    public Guid? AgentId { get; init; }
    public string? QueueName { get; init; }
    public Guid? DepartmentId { get; init; }
    public Guid? DoctorId { get; init; }
    public Guid? AppointmentId { get; init; }
    public Guid? FollowUpId { get; init; }
    public required DateTime AnsweredAt { get; init; }
}
