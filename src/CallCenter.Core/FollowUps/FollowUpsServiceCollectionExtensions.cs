using CallCenter.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.FollowUps;

public static class FollowUpsServiceCollectionExtensions
{
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddSingleton<IFollowUpRepository, FollowUpRepository>();
        services.AddSingleton<IFollowUpWorkRepository, FollowUpWorkRepository>();
        services.AddSingleton<IFollowUpPlanRepository, FollowUpPlanRepository>();
        services.AddSingleton<FollowUpPlans>();
        services.AddSingleton<FollowUpWork>();
        services.AddSingleton<FollowUpPlanner>();
        services.AddSingleton<IAppointmentChangeListener>(sp => sp.GetRequiredService<FollowUpPlanner>());
        return services;
    }
}
