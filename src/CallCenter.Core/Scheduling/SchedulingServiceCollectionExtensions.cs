using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSingleton<IDepartmentRepository, DepartmentRepository>();
        services.AddSingleton<IDoctorRepository, DoctorRepository>();
        services.AddSingleton<ISlotRepository, SlotRepository>();
        services.AddSingleton<AppointmentChanges>();
        services.AddSingleton<IAppointmentRepository, AppointmentRepository>();
        services.AddSingleton<IWaitlistRepository, WaitlistRepository>();
        services.AddSingleton<AppointmentService>();
        services.AddSingleton<WaitlistService>();
        return services;
    }
}
