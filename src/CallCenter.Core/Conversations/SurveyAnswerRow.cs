namespace CallCenter.Core.Conversations;

/// <summary>A patient's answer to a survey SMS: the raw text and the score read from it.</summary>
public sealed record SurveyAnswerRow
{
    public required Guid Id { get; init; }
    public required Guid PendingReplyId { get; init; }
    public Guid? SurveyId { get; init; }
    public Guid? PatientId { get; init; }
    public required string Phone { get; init; }
    public required string MessageSid { get; init; }
    public required string AnswerText { get; init; }
    public int? Score { get; init; }
    public required DateTime ReceivedAt { get; init; }
}
