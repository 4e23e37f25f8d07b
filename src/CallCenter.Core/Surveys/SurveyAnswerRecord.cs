namespace CallCenter.Core.Surveys;

/// <summary>An answer to one question, stored in the transaction that moves the invitation to its next question.</summary>
public sealed record SurveyAnswerRecord
{
    public required Guid Id { get; init; }
    public required Guid PendingReplyId { get; init; }
    public required Guid InvitationId { get; init; }
    public required Guid PatientId { get; init; }
    public required string Phone { get; init; }
    public required string MessageSid { get; init; }
    public required string AnswerText { get; init; }
    public int? Score { get; init; }
    public required int QuestionIndex { get; init; }
    public required string QuestionType { get; init; }
    public required DateTime ReceivedAt { get; init; }
}
