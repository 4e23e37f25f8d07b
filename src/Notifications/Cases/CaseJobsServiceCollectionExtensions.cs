using Microsoft.Extensions.DependencyInjection;
using Notifications.Jobs;

namespace Notifications.Cases;

public static class CaseJobsServiceCollectionExtensions
{
    /// <summary>The escalation of overdue complaint cases by email, every minute (<see cref="CaseEscalationJob"/>).</summary>
    public static IServiceCollection AddCaseJobs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRecurringJob<CaseEscalationJob>(
            CaseEscalationJob.Key,
            "Emails Cases:EscalationTo once for each complaint case that misses its first-response or resolution due time.",
            JobSchedule.Every(TimeSpan.FromMinutes(1)),
            JobMisfirePolicy.RunOnceNow);
        return services;
    }
}
