namespace AgentDesk.Contracts;

public sealed record DeskFollowUp
{
    public required Guid Id { get; init; }

    /// <summary>A follow-up's kind (voicemail, complaint), or <c>complaint-case</c> for a complaint case.</summary>
    public required string Kind { get; init; }
    public string? Category { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Status { get; init; }

    /// <summary>A complaint case's severity (low, medium, high, critical); null for other follow-ups.</summary>
    public string? Severity { get; init; }

    /// <summary>When a complaint case must be resolved by; null for other follow-ups.</summary>
    public DateTimeOffset? DueAt { get; init; }
}
