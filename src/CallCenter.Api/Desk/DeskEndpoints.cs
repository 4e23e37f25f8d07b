using AgentDesk.Contracts;
using CallCenter.Api.Desk.Data;
using CallCenter.Api.Desk.ScreenPop;
using CallCenter.Api.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>The agent desk: the SignalR hub at <see cref="DeskRoutes.Hub"/>, the router and what they share.</summary>
internal static class DeskEndpoints
{
    public static IServiceCollection AddDeskApi(this IServiceCollection services)
    {
        services.AddOptions<DeskOptions>().BindConfiguration(DeskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR();
        services.AddSingleton<IUserIdProvider, DeskUserIdProvider>();

        services.AddSingleton<AgentPresence>();
        services.AddSingleton<ReconnectGrace>();
        services.AddSingleton<RoutingWorker>();
        services.AddSingleton<IRoutingSignal>(sp => sp.GetRequiredService<RoutingWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<RoutingWorker>());
        services.AddSingleton<IDeskNotifier, DeskNotifier>();
        services.AddSingleton<IConversationListener, DeskInbox>();

        services.AddSingleton<IDeskWorkRepository, DeskWorkRepository>();
        services.AddSingleton<IWrapUpRepository, WrapUpRepository>();
        services.AddSingleton<IScheduledCallbackRepository, ScheduledCallbackRepository>();
        services.AddSingleton<ScreenPopReader>();
        services.AddSingleton<ScreenPopBuilder>();

        services.AddSingleton<DeskAudit>();
        services.AddSingleton<DeskAccess>();
        services.AddSingleton<TransferHandover>();
        services.AddSingleton<DeskStateActions>();
        services.AddScoped<DeskOfferActions>();
        services.AddScoped<DeskCallActions>();
        services.AddSingleton<DeskWrapUpActions>();
        services.AddSingleton<DeskConversationActions>();
        services.AddSingleton<DeskAppointmentActions>();
        services.AddSingleton<DeskPatientActions>();
        return services;
    }

    public static void MapDesk(this WebApplication app) =>
        app.MapHub<AgentDeskHub>(DeskRoutes.Hub).RequireAuthorization(Policies.Agent);
}
