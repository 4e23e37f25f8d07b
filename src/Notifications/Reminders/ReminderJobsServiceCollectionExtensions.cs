using Microsoft.Extensions.DependencyInjection;
using Notifications.Jobs;

namespace Notifications.Reminders;

public static class ReminderJobsServiceCollectionExtensions
{
    /// <summary>The recurring jobs of visit reminders: no-show marking and waitlist offer expiry, each every minute.</summary>
    public static IServiceCollection AddReminderJobs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRecurringJob<NoShowJob>(
            NoShowJob.Key,
            "Marks appointments not checked in by their start plus the department's grace as no-shows.",
            JobSchedule.Every(TimeSpan.FromMinutes(1)),
            JobMisfirePolicy.RunOnceNow);
        services.AddRecurringJob<WaitlistOfferExpiryJob>(
            WaitlistOfferExpiryJob.Key,
            "Expires lapsed waitlist offers and offers their places to the next patients waiting.",
            JobSchedule.Every(TimeSpan.FromMinutes(1)),
            JobMisfirePolicy.RunOnceNow);
        return services;
    }
}
