using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;

namespace CallCenter.Core.Desk;

/// <summary>Every desk action is audited as the agent, with its outcome; details hold IDs and codes, never personal data.</summary>
public sealed class DeskAudit(IAuditLog audit)
{
    public async Task<DeskResult> WriteAsync(Actor agent, string action, Guid? patientId, DeskResult result, string detail, CancellationToken cancellationToken)
    {
        var outcome = result.Ok ? AuditOutcomes.Success : result.Error switch
        {
            DeskErrors.NotYours => AuditOutcomes.Denied,
            DeskErrors.NotFound => AuditOutcomes.NotFound,
            _ => AuditOutcomes.Failed,
        };
        await audit.WriteAsync(agent, "desk." + action, patientId, outcome, result.Ok ? detail : $"{detail}: {result.Error}", cancellationToken);
        return result;
    }
}
