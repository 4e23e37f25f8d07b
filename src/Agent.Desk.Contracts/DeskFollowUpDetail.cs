namespace AgentDesk.Contracts;

/// <summary>
/// A follow-up opened from the call list (<see cref="IAgentDeskHub.OpenFollowUpAsync"/>): the task, the patient's
/// screen-pop, and the questionnaire's questions to ask (answered in order in <see cref="FollowUpOutcomeRequest.Answers"/>).
/// </summary>
public sealed record DeskFollowUpDetail
{
    public required DeskFollowUpTask Task { get; init; }
    public required DeskScreenPop ScreenPop { get; init; }
    public IReadOnlyList<DeskFollowUpQuestion> Questions { get; init; } = [];

    /// <summary>The outcomes an attempt may record: reached, no-answer, wrong-number, refused, needs-doctor.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];
}
