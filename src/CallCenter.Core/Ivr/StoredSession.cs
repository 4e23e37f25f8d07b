namespace CallCenter.Core.Ivr;

/// <summary>
/// One row of <c>ivr_session</c>: the engine's session as JSON (<see cref="State"/>), the columns copied out of it
/// for lookups and for the optimistic check on <see cref="Turn"/>, and the caller's <see cref="IvrOutcome"/> so far
/// (as JSON, null in rows stored before it was kept), which the screen-pop reads without the whole session.
/// </summary>
public sealed record StoredSession
{
    public required string SessionKey { get; init; }
    public required string Kind { get; init; }
    public required string FlowId { get; init; }
    public required string FlowVersion { get; init; }
    public required string State { get; init; }
    public int Turn { get; init; }
    public bool Ended { get; init; }
    public string? Outcome { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
