namespace CallCenter.Api.Ivr;

/// <summary>A flow version as stored when it was activated: its file's exact content.</summary>
internal sealed record StoredFlowVersion
{
    public required string FlowId { get; init; }
    public required string Version { get; init; }
    public required string FileName { get; init; }
    public required string Content { get; init; }
    public DateTime ActivatedAt { get; init; }
}

/// <summary>
/// One row of <c>ivr_session</c>: the engine's session as JSON (<see cref="State"/>) and the columns copied out of it
/// for lookups and for the optimistic check on <see cref="Turn"/>.
/// </summary>
internal sealed record StoredSession
{
    public required string SessionKey { get; init; }
    public required string Kind { get; init; }
    public required string FlowId { get; init; }
    public required string FlowVersion { get; init; }
    public required string State { get; init; }
    public int Turn { get; init; }
    public bool Ended { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
