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

    /// <summary>Open follow-ups of kind complaint, also listed here so they cannot be missed.</summary>
    public IReadOnlyList<DeskFollowUp> OpenComplaints { get; init; } = [];
    public DeskIvrSummary? Ivr { get; init; }
    public required string Queue { get; init; }
    public int WaitedSeconds { get; init; }
}

public sealed record DeskPatient
{
    public required Guid Id { get; init; }
    public required string FullName { get; init; }
    public string? Mrn { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Sex { get; init; }
    public string? Language { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
}

public sealed record DeskAppointment
{
    public required Guid Id { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required string Department { get; init; }
    public string? Doctor { get; init; }
    public required string Status { get; init; }
}

public sealed record DeskInteraction
{
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Kind { get; init; }
    public required string Direction { get; init; }
    public string? Summary { get; init; }
}

public sealed record DeskFollowUp
{
    public required Guid Id { get; init; }
    public required string Kind { get; init; }
    public string? Category { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Status { get; init; }
}

/// <summary>What the caller did in the IVR: language, the menu keys in order, whether they proved who they are.</summary>
public sealed record DeskIvrSummary
{
    public string? Language { get; init; }
    public IReadOnlyList<string> MenuPath { get; init; } = [];

    /// <summary>Steps the caller passed through, in order (step IDs of the flow).</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>verified, failed, not-attempted.</summary>
    public string Verification { get; init; } = "not-attempted";
    public string? FlowId { get; init; }
}
