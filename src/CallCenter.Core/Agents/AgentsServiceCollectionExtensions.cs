using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Agents;

public static class AgentsServiceCollectionExtensions
{
    public static IServiceCollection AddAgents(this IServiceCollection services)
    {
        services.AddOptions<AgentStateOptions>().BindConfiguration(AgentStateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AgentStatusRepository>();
        services.AddSingleton<IAgentStatusRepository>(sp => sp.GetRequiredService<AgentStatusRepository>());
        services.AddSingleton<AgentStateService>();
        services.AddSingleton<IAgentProfileRepository, AgentProfileRepository>();
        services.AddSingleton<IAgentRoster, AgentRoster>();
        return services;
    }
}
