using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Patients;
using CallCenter.Core.Queues;
using CallCenter.Core.Scheduling;
using CallCenter.Core.Surveys;

namespace CallCenter.Core.FollowUps;

/// <summary>Departments' follow-up plans for admins; a change is audited (no patient data) and applies to visits completed from then on.</summary>
public sealed class FollowUpPlans(
    IFollowUpPlanRepository plans, IDepartmentRepository departments, IQueueRepository queues, ISurveyDefinitionRepository surveys, IAuditLog audit, TimeProvider time)
{
    /// <summary>The plan (null steps when none); null when the department does not exist.</summary>
    public async Task<FollowUpPlan?> GetAsync(Guid departmentId, CancellationToken cancellationToken = default) =>
        await departments.FindAsync(departmentId, cancellationToken) is null
            ? null
            : await plans.FindAsync(departmentId, cancellationToken) ?? new FollowUpPlan(departmentId, string.Empty, []);

    /// <summary>Field errors, or none and the plan saved; null when the department does not exist.</summary>
    public async Task<IReadOnlyList<FieldError>?> SaveAsync(Actor actor, Guid departmentId, FollowUpPlanInput? input, CancellationToken cancellationToken = default)
    {
        if (await departments.FindAsync(departmentId, cancellationToken) is null)
        {
            return null;
        }

        var queueNames = new HashSet<string>(await queues.QueueNamesAsync(cancellationToken), StringComparer.Ordinal);
        var surveyKeys = new HashSet<string>((await surveys.ListCurrentAsync(cancellationToken)).Select(s => s.Key), StringComparer.Ordinal);
        var errors = FollowUpPlanValidator.Validate(input, queueNames, surveyKeys);
        if (errors.Count > 0)
        {
            return errors;
        }

        var plan = FollowUpPlanValidator.ToPlan(departmentId, input!);
        await plans.SaveAsync(plan, time.GetUtcNow().UtcDateTime, cancellationToken);
        await audit.WriteAsync(actor, "follow-up-plan.save", null, AuditOutcomes.Success, $"department {departmentId} steps {plan.Steps.Count}", cancellationToken);
        return [];
    }
}
