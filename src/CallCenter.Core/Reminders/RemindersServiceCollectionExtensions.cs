using CallCenter.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// Reminder plans, visit settings, the listeners that schedule reminders and offer freed places inside each
    /// appointment change, no-show marking and waitlist offer answers. What is sent goes through any registered
    /// <see cref="IReminderOutbox"/> (the notification outbox).
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IReminderPlanRepository, ReminderPlanRepository>();
        services.AddSingleton<IDepartmentSettingsRepository, DepartmentSettingsRepository>();
        services.AddSingleton<DepartmentReminderSettings>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<WaitlistOfferer>();
        services.AddSingleton<IAppointmentChangeListener>(sp => sp.GetRequiredService<ReminderScheduler>());
        services.AddSingleton<IAppointmentChangeListener>(sp => sp.GetRequiredService<WaitlistOfferer>());
        services.AddSingleton<WaitlistOfferService>();
        services.AddSingleton<IReminderSendListener, WaitlistOfferWindow>();
        services.AddSingleton<NoShowMarker>();
        services.AddSingleton<NoShowRecords>();
        services.AddSingleton<DailyOperationsReader>();
        services.AddSingleton(sp => new ReminderRuns(sp.GetRequiredService<NoShowMarker>(), sp.GetRequiredService<WaitlistOfferService>()));
        return services;
    }
}
