namespace CallCenter.Core.FollowUps;

/// <summary>One try at a follow-up: who, the outcome, a note, and when to try again when the patient was not reached.</summary>
public sealed record FollowUpAttempt(Guid Id, Guid FollowUpId, Guid UserId, string Outcome, string? Note, DateTime? NextAttemptAt, DateTime CreatedAt);
