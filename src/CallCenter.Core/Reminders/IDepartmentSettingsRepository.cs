namespace CallCenter.Core.Reminders;

public interface IDepartmentSettingsRepository
{
    /// <summary>The department's own settings, or null when it has none (the defaults apply).</summary>
    Task<DepartmentVisitSettings?> FindAsync(Guid departmentId, CancellationToken cancellationToken = default);

    Task SaveAsync(Guid departmentId, DepartmentVisitSettings settings, DateTime at, CancellationToken cancellationToken = default);
}
