namespace CallCenter.Core.Surveys;

/// <summary>A survey_invitation row as Dapper reads it.</summary>
internal sealed record SurveyInvitationRow
{
    public Guid Id { get; init; }
    public Guid DefinitionId { get; init; }
    public string SourceKey { get; init; } = "";
    public string TriggerKind { get; init; } = "";
    public Guid PatientId { get; init; }
    public string Phone { get; init; } = "";
    public string Language { get; init; } = "";
    public string? CallSid { get; init; }
    public Guid? AgentId { get; init; }
    public string? QueueName { get; init; }
    public Guid? DepartmentId { get; init; }
    public Guid? DoctorId { get; init; }
    public Guid? AppointmentId { get; init; }
    public Guid? FollowUpId { get; init; }
    public Guid PendingReplyId { get; init; }
    public string Status { get; init; } = "";
    public int QuestionIndex { get; init; }
    public int Reasked { get; init; }
    public DateTime DueAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public DateTime CreatedAt { get; init; }

    public SurveyInvitation ToInvitation() => new()
    {
        Id = Id, DefinitionId = DefinitionId, SourceKey = SourceKey, TriggerKind = TriggerKind, PatientId = PatientId, Phone = Phone, Language = Language,
        CallSid = CallSid, AgentId = AgentId, QueueName = QueueName, DepartmentId = DepartmentId, DoctorId = DoctorId, AppointmentId = AppointmentId,
        FollowUpId = FollowUpId, PendingReplyId = PendingReplyId, Status = Status, QuestionIndex = QuestionIndex, Reasked = Reasked != 0,
        DueAt = DueAt, ExpiresAt = ExpiresAt, CompletedAt = CompletedAt, CreatedAt = CreatedAt,
    };
}
