using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Agents;

public static class AgentsServiceCollectionExtensions
{
    public static IServiceCollection AddAgents(this IServiceCollection services)
    {
        services.AddOptions<AgentStateOptions>().BindConfiguration(AgentStateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAgentStatusRepository, AgentStatusRepository>();
        services.AddSingleton<AgentStateService>();
        return services;
    }
}
