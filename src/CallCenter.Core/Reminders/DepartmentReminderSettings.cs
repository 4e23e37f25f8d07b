using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Reminders;

/// <summary>
/// A department's reminder plan and visit settings, with the defaults where it has none of its own. Changes are
/// audited (no patient data); reading needs no audit.
/// </summary>
public sealed class DepartmentReminderSettings(
    IDepartmentRepository departments, IReminderPlanRepository plans, IDepartmentSettingsRepository settings, IAuditLog audit, IOptions<ReminderOptions> options, TimeProvider time)
{
    /// <summary>The plan, or null when the department does not exist.</summary>
    public async Task<ReminderPlan?> GetPlanAsync(Guid departmentId, CancellationToken cancellationToken = default) =>
        await departments.FindAsync(departmentId, cancellationToken) is null
            ? null
            : await plans.FindAsync(departmentId, cancellationToken) ?? ReminderPlan.Default;

    /// <summary>Saves a validated plan; false when the department does not exist.</summary>
    public async Task<bool> SavePlanAsync(Actor actor, Guid departmentId, ReminderPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (await departments.FindAsync(departmentId, cancellationToken) is null)
        {
            return false;
        }

        await plans.SaveAsync(departmentId, plan, time.GetUtcNow().UtcDateTime, cancellationToken);
        await audit.WriteAsync(actor, "reminder-plan.update", null, AuditOutcomes.Success, $"department {departmentId} steps {plan.Steps.Count}", cancellationToken);
        return true;
    }

    /// <summary>The visit settings, or null when the department does not exist.</summary>
    public async Task<DepartmentVisitSettings?> GetVisitSettingsAsync(Guid departmentId, CancellationToken cancellationToken = default) =>
        await departments.FindAsync(departmentId, cancellationToken) is null
            ? null
            : await settings.FindAsync(departmentId, cancellationToken)
                ?? new DepartmentVisitSettings(options.Value.DefaultNoShowGraceMinutes, options.Value.DefaultWaitlistOfferMinutes, IsDefault: true);

    /// <summary>Saves the settings; false when the department does not exist.</summary>
    public async Task<bool> SaveVisitSettingsAsync(Actor actor, Guid departmentId, DepartmentVisitSettings value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (await departments.FindAsync(departmentId, cancellationToken) is null)
        {
            return false;
        }

        await settings.SaveAsync(departmentId, value with { IsDefault = false }, time.GetUtcNow().UtcDateTime, cancellationToken);
        await audit.WriteAsync(
            actor, "department-settings.update", null, AuditOutcomes.Success,
            $"department {departmentId} grace {value.NoShowGraceMinutes} offer {value.WaitlistOfferMinutes}", cancellationToken);
        return true;
    }
}
