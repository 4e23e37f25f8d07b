using CallCenter.Core.Accounts;
using CallCenter.Core.Common;

namespace CallCenter.Core.Audit;

/// <summary>The audit trail. Every read or change of a patient's data writes one entry.</summary>
public interface IAuditLog
{
    /// <summary>Records one audited action. <c>detail</c> holds IDs and reasons, and the number of an outbound dial (a toll fraud trail); never names or notes.</summary>
    Task WriteAsync(Actor actor, string operation, Guid? patientId, string outcome, string? detail = null, CancellationToken cancellationToken = default);

    /// <summary>One entry per patient for the same action, written in one transaction (a background job's batch read).</summary>
    Task WriteManyAsync(Actor actor, string operation, IReadOnlyCollection<Guid> patientIds, string outcome, string? detail = null, CancellationToken cancellationToken = default);

    Task<Page<AuditEntry>> QueryAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default);
}
