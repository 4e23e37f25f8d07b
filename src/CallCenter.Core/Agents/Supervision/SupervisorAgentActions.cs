using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Desk;

namespace CallCenter.Core.Agents.Supervision;

/// <summary>
/// What a supervisor may do to another agent, from the API or the desk: put them on break (reason required) or
/// offline, or sign them out. The agent state machine decides, as for the agent's own request: an agent on a call or
/// with an offer ringing is refused (the supervisor asks again when the call ends; nothing is queued for later).
/// Every attempt is audited as the supervisor (<c>agent.set-state</c>, <c>agent.sign-out</c>), refusals included.
/// </summary>
public sealed class SupervisorAgentActions(
    AgentStateService agents,
    IUserRepository users,
    IAccountSessionRepository sessions,
    IDeskNotifier notifier,
    IDeskSessions desks,
    IAuditLog audit,
    TimeProvider time)
{
    public async Task<SupervisionResult> SetStateAsync(Actor supervisor, Guid agentId, string? state, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        var agentEvent = state?.Trim() switch
        {
            "break" => AgentEvent.Break(reason ?? string.Empty),
            "offline" => AgentEvent.Of(AgentEventKind.SetOffline),
            _ => null,
        };
        SupervisionResult result;
        if (agentEvent is null)
        {
            result = new SupervisionResult(SupervisionOutcome.Invalid, "state", "must be break or offline");
        }
        else if (agentEvent.Kind == AgentEventKind.SetBreak && (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > AgentTransitions.MaxReasonLength))
        {
            result = new SupervisionResult(SupervisionOutcome.Invalid, "reason", $"a break needs a reason of at most {AgentTransitions.MaxReasonLength} characters");
        }
        else if (!await IsAgentAsync(agentId, cancellationToken))
        {
            result = new SupervisionResult(SupervisionOutcome.NotFound, "agentId", "no such agent");
        }
        else
        {
            result = await ApplyAsync(agentId, agentEvent, cancellationToken);
        }

        await AuditAsync(supervisor, "agent.set-state", agentId, result, $"to {(agentEvent is null ? "?" : state!.Trim())}", cancellationToken);
        return result;
    }

    /// <summary>
    /// Offline (unless already), then the sign-out generation counted up (the agent's tokens stop working) and the
    /// desk's live connections told and closed. Refused, changing nothing, during a call or a ringing offer.
    /// </summary>
    public async Task<SupervisionResult> SignOutAsync(Actor supervisor, Guid agentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        SupervisionResult result;
        if (!await IsAgentAsync(agentId, cancellationToken))
        {
            result = new SupervisionResult(SupervisionOutcome.NotFound, "agentId", "no such agent");
        }
        else if (await agents.GetAsync(agentId, cancellationToken) is { State: AgentState.Offline } offline)
        {
            result = new SupervisionResult(SupervisionOutcome.Applied, Status: offline);
        }
        else
        {
            result = await ApplyAsync(agentId, AgentEvent.Of(AgentEventKind.SetOffline), cancellationToken);
        }

        if (result.Ok)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await sessions.SignOutAsync(agentId, supervisor.UserId, now, cancellationToken);
            await desks.EndAsync(agentId, supervisor.UserName, now, cancellationToken);
        }

        await AuditAsync(supervisor, "agent.sign-out", agentId, result, "signed out", cancellationToken);
        return result;
    }

    private async Task<SupervisionResult> ApplyAsync(Guid agentId, AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        // The agent's own event: the machine allows a supervisor exactly what it allows the agent.
        var change = await agents.ApplyAsync(agentId, agentEvent, AgentEventSource.Agent, cancellationToken);
        switch (change.Outcome)
        {
            case AgentChangeOutcome.Applied:
                await notifier.StateChangedAsync(agentId, cancellationToken);
                return new SupervisionResult(SupervisionOutcome.Applied, Status: change.Status);
            case AgentChangeOutcome.Refused:
                return new SupervisionResult(SupervisionOutcome.Refused, "state", change.Reason ?? "not now", change.Status);
            case AgentChangeOutcome.Conflict:
                return new SupervisionResult(SupervisionOutcome.Conflict, "state", "the agent's state changed meanwhile; read the roster again", change.Status);
            default:
                return new SupervisionResult(SupervisionOutcome.NotFound, "agentId", "no such agent");
        }
    }

    private async Task<bool> IsAgentAsync(Guid agentId, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(agentId, cancellationToken) is { Role: Roles.Agent or Roles.Supervisor or Roles.Admin };

    private Task AuditAsync(Actor supervisor, string operation, Guid agentId, SupervisionResult result, string detail, CancellationToken cancellationToken)
    {
        var outcome = result.Outcome switch
        {
            SupervisionOutcome.Applied => AuditOutcomes.Success,
            SupervisionOutcome.NotFound => AuditOutcomes.NotFound,
            _ => AuditOutcomes.Failed,
        };
        var text = result.Ok ? $"agent {agentId} {detail}" : $"agent {agentId} {detail}: {result.Outcome.ToString().ToLowerInvariant()}";
        return audit.WriteAsync(supervisor, operation, null, outcome, text, cancellationToken);
    }
}
