namespace AgentDesk.Contracts;

/// <summary>
/// An attempt at a follow-up from the agent's call list: the outcome (reached, no-answer, wrong-number, refused,
/// needs-doctor), a note, the questionnaire's answers (one per question) when reached, the next attempt's time when not.
/// </summary>
public sealed record FollowUpOutcomeRequest(Guid FollowUpId, string Outcome, string? Note = null, IReadOnlyList<string>? Answers = null, DateTimeOffset? NextAttemptAt = null);
