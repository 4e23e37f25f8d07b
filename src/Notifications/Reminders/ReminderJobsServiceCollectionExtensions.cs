using CallCenter.Core.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Jobs;

namespace Notifications.Reminders;

public static class ReminderJobsServiceCollectionExtensions
{
    /// <summary>
    /// The recurring jobs of visit reminders: no-show marking and waitlist offer expiry, each every minute, and the
    /// daily operations email at 07:00 in <paramref name="timeZone"/> (IANA; the hospital's, <c>Reminders:TimeZone</c>);
    /// and the notification outbox as reminders' <see cref="IReminderOutbox"/>, so reminders, confirmation requests,
    /// waitlist offers and rebooking invitations are sent.
    /// </summary>
    public static IServiceCollection AddReminderJobs(this IServiceCollection services, string timeZone = "Asia/Shanghai")
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IReminderOutbox, NotificationReminderOutbox>();
        services.AddRecurringJob<DailyOperationsEmailJob>(
            DailyOperationsEmailJob.Key,
            "Emails yesterday's reminders, confirmations, cancellations, no-shows and waitlist fills (with a CSV) to Reminders:DailyReportTo.",
            JobSchedule.Cron("0 0 7 * * ?", TimeZoneInfo.FindSystemTimeZoneById(timeZone)),
            JobMisfirePolicy.SkipToNext);
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
