namespace AgentDesk.Contracts;

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
