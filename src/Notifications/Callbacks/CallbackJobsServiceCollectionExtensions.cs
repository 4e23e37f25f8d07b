using CallCenter.Core.Callbacks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Notifications.Jobs;

namespace Notifications.Callbacks;

public static class CallbackJobsServiceCollectionExtensions
{
    /// <summary>
    /// Callbacks that happen (Core's <c>AddCallbacks</c>), with calling hours from the notification rules and the
    /// recurring job that fires due callbacks every <c>Callbacks:JobInterval</c> (default 5 s), and the dial check every
    /// <c>Callbacks:DialCheckInterval</c> (default 1 min).
    /// </summary>
    public static IServiceCollection AddCallbackJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCallbacks();
        services.Replace(ServiceDescriptor.Singleton<ICallingHours, RulesCallingHours>());
        var interval = configuration.GetValue<TimeSpan?>($"{CallbackOptions.SectionName}:{nameof(CallbackOptions.JobInterval)}")
            ?? new CallbackOptions().JobInterval;
        services.AddRecurringJob<CallbackDialJob>(
            CallbackDialJob.Key,
            "Dials the callbacks that are due (agent-first through the desk, customer-first through the carrier), inside calling hours.",
            JobSchedule.Every(interval),
            JobMisfirePolicy.SkipToNext);
        var checkInterval = configuration.GetValue<TimeSpan?>($"{CallbackOptions.SectionName}:{nameof(CallbackOptions.DialCheckInterval)}")
            ?? new CallbackOptions().DialCheckInterval;
        services.AddRecurringJob<CallbackDialCheckJob>(
            CallbackDialCheckJob.Key,
            "Asks the carrier about callback dials whose final status never came, and ends them as the carrier says.",
            JobSchedule.Every(checkInterval),
            JobMisfirePolicy.SkipToNext);
        return services;
    }
}
