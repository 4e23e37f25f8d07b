namespace AgentDesk.Contracts;

/// <summary>
/// The screen-pop: who is calling and why, gathered once when the offer is made. For an unknown caller
/// <see cref="Patient"/> is null and <see cref="Candidates"/> lists patients matched by the number.
/// </summary>
public sealed record DeskScreenPop
{
    public DeskPatient? Patient { get; init; }

    /// <summary>The caller's number as the agent may see it (masked unless the patient is linked).</summary>
    public required string CallerNumber { get; init; }
    public IReadOnlyList<DeskPatient> Candidates { get; init; } = [];
    public IReadOnlyList<DeskAppointment> UpcomingAppointments { get; init; } = [];
    public IReadOnlyList<DeskInteraction> RecentInteractions { get; init; } = [];
    public IReadOnlyList<DeskFollowUp> OpenFollowUps { get; init; } = [];

    /// <summary>
    /// The patient's active complaint cases (kind <c>complaint-case</c>, open or investigating, oldest first) and open
    /// follow-ups of kind complaint, also listed here so they cannot be missed.
    /// </summary>
    public IReadOnlyList<DeskFollowUp> OpenComplaints { get; init; } = [];
    public DeskIvrSummary? Ivr { get; init; }

    /// <summary>The patient's no-shows (null for an unknown caller or a patient the agent may not see).</summary>
    public DeskNoShows? NoShows { get; init; }
    public required string Queue { get; init; }
    public int WaitedSeconds { get; init; }

    /// <summary>For a callback offer: why the patient is called back, and the attempts so far.</summary>
    public DeskCallback? Callback { get; init; }
}
