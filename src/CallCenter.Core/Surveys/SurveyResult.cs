namespace CallCenter.Core.Surveys;

/// <summary>One answer with its survey version and what the survey was about.</summary>
public sealed record SurveyResult
{
    public Guid AnswerId { get; init; }
    public DateTime ReceivedAt { get; init; }
    public string SurveyKey { get; init; } = "";
    public int SurveyVersion { get; init; }
    public int QuestionIndex { get; init; }
    public string QuestionType { get; init; } = "";
    public int? Score { get; init; }
    public string AnswerText { get; init; } = "";
    public Guid InvitationId { get; init; }
    public string TriggerKind { get; init; } = "";
    public Guid PatientId { get; init; }
    public string? CallSid { get; init; }
    public Guid? AgentId { get; init; }
    public string? QueueName { get; init; }
    public Guid? DepartmentId { get; init; }
    public Guid? DoctorId { get; init; }
    public Guid? AppointmentId { get; init; }
}
