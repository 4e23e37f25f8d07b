namespace CallCenter.Api.Scheduling;

internal static class SchedulingEndpoints
{
    public static IServiceCollection AddSchedulingApi(this IServiceCollection services) => services;

    public static void MapSchedulingEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
