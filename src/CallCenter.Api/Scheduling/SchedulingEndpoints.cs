namespace CallCenter.Api.Scheduling;

/// <summary>Departments, doctors, slots, appointments and waitlists: one group per resource.</summary>
internal static class SchedulingEndpoints
{
    public static IServiceCollection AddSchedulingApi(this IServiceCollection services) => services;

    public static void MapSchedulingEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDepartmentEndpoints();
        app.MapDoctorEndpoints();
        app.MapSlotEndpoints();
        app.MapWaitlistEndpoints();
        app.MapAppointmentEndpoints();
    }
}
