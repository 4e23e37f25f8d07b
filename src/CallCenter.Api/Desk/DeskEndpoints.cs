using AgentDesk.Contracts;
using CallCenter.Api.Infrastructure;
using CallCenter.Core.Agents.Supervision;
using CallCenter.Core.Desk;
using CallCenter.Core.Wallboard.Alerts;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>The agent desk's web side: the SignalR hub at <see cref="DeskRoutes.Hub"/>, its pushes, presence and the router's worker.</summary>
internal static class DeskEndpoints
{
    public static IServiceCollection AddDeskApi(this IServiceCollection services)
    {
        services.AddSingleton<DeskSessionFilter>();
        services.AddSignalR().AddHubOptions<AgentDeskHub>(hub => hub.AddFilter<DeskSessionFilter>());
        services.AddSingleton<IUserIdProvider, DeskUserIdProvider>();
        services.AddSingleton<AgentPresence>();
        services.AddSingleton<ReconnectGrace>();
        services.AddSingleton<RoutingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RoutingWorker>());
        services.AddSingleton<IDeskNotifier, DeskNotifier>();
        services.AddSingleton<DeskConnections>();
        services.AddSingleton<DeskSessions>();
        services.AddSingleton<IDeskSessions>(sp => sp.GetRequiredService<DeskSessions>());
        services.AddSingleton<DeskSessionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DeskSessionSweeper>());
        services.AddSingleton<IWallboardAlertListener, DeskAlertPush>();
        return services;
    }

    public static void MapDesk(this WebApplication app) =>
        app.MapHub<AgentDeskHub>(DeskRoutes.Hub).RequireAuthorization(Policies.Agent);
}
