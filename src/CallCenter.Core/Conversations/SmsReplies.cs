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

/// <summary>The purposes of hub messages that expect a reply.</summary>
public static class ReplyPurposes
{
    public const string Appointment = "appointment";
    public const string Survey = "survey";

    public static bool ExpectsReply(string purpose) => purpose is Appointment or Survey;
}

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

/// <summary>An SMS thread agents answer; at most one is open per phone.</summary>
public sealed record Conversation
{
    public required Guid Id { get; init; }
    public required string Phone { get; init; }
    public Guid? PatientId { get; init; }
    public required string Status { get; init; }
    public required DateTime OpenedAt { get; init; }
    public required DateTime LastMessageAt { get; init; }
    public required string Reason { get; init; }
}

public static class ConversationStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";
}
