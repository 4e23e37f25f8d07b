namespace CallCenter.Core.FollowUps;

/// <summary>
/// What an agent records on a follow-up: the outcome (<see cref="FollowUpOutcomes"/>), a note, the questionnaire's
/// answers (one text per question, as the patient gave them) when the patient was reached, and the next attempt's
/// time when they were not.
/// </summary>
public sealed record FollowUpOutcomeInput
{
    public string? Outcome { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string?>? Answers { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
}
