namespace AgentDesk.Contracts;

/// <summary>
/// A task on the agent's follow-up call list (<see cref="IAgentDeskHub.GetFollowUpsAsync"/>): a planned call after a
/// visit, a voicemail, a callback whose attempts ran out. Open ones only, the earliest due first.
/// </summary>
public sealed record DeskFollowUpTask
{
    public required Guid Id { get; init; }

    /// <summary>plan-call, voicemail or callback-failed.</summary>
    public required string Kind { get; init; }
    public Guid? PatientId { get; init; }

    /// <summary>The number to call, masked as on the screen-pop.</summary>
    public required string Number { get; init; }

    /// <summary>The queue that works it; null when it is assigned to the agent (their own patient).</summary>
    public string? Queue { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public int Attempts { get; init; }

    /// <summary>The last outcome recorded (no-answer when it is due again).</summary>
    public string? LastOutcome { get; init; }

    /// <summary>A short context for staff, e.g. "day 3 after the visit".</summary>
    public string? Note { get; init; }

    /// <summary>The questionnaire's survey key; null when the call has no questions.</summary>
    public string? SurveyKey { get; init; }
}
