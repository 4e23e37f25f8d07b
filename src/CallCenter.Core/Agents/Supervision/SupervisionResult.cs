namespace CallCenter.Core.Agents.Supervision;

/// <summary>What a supervisor action did; on a refusal, the field and the reason to show.</summary>
public sealed record SupervisionResult(SupervisionOutcome Outcome, string? Field = null, string? Reason = null, AgentStatus? Status = null)
{
    public bool Ok => Outcome == SupervisionOutcome.Applied;
}
