namespace CallCenter.Core.Reminders;

public interface IReminderPlanRepository
{
    /// <summary>The department's own plan, or null when it has none (the default applies).</summary>
    Task<ReminderPlan?> FindAsync(Guid departmentId, CancellationToken cancellationToken = default);

    Task SaveAsync(Guid departmentId, ReminderPlan plan, DateTime at, CancellationToken cancellationToken = default);
}
