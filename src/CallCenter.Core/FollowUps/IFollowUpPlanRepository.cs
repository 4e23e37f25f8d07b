using System.Data.Common;

namespace CallCenter.Core.FollowUps;

public interface IFollowUpPlanRepository
{
    Task<FollowUpPlan?> FindAsync(Guid departmentId, CancellationToken cancellationToken = default);

    /// <summary>The plan read on the caller's connection (inside a visit's completing transaction).</summary>
    Task<FollowUpPlan?> FindAsync(Guid departmentId, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken);

    Task SaveAsync(FollowUpPlan plan, DateTime at, CancellationToken cancellationToken = default);
}
