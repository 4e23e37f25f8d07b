using CallCenter.Api.Telephony;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Api.Ivr;

/// <summary>
/// The IVR in the hub: flow files loaded and watched, sessions stored, calls and texts answered by flows. The flow
/// ports (<see cref="global::Ivr.Flows.Services.FlowServices"/>) are registered by <c>AddIvrPorts</c>.
/// </summary>
internal static class IvrServiceCollectionExtensions
{
    public static IServiceCollection AddIvrApi(this IServiceCollection services)
    {
        services.AddOptions<IvrOptions>().BindConfiguration(IvrOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IFlowVersionRepository, FlowVersionRepository>();
        services.AddSingleton<IFlowSessionRepository, FlowSessionRepository>();
        services.AddSingleton<FlowCatalogReader>();
        services.AddSingleton<FlowRegistry>();
        services.AddSingleton<FlowRunner>();
        services.AddSingleton<FlowQueueUsage>();
        services.AddSingleton<SmsFlowHandler>();
        services.AddHostedService<FlowWatcher>();
        services.Replace(ServiceDescriptor.Singleton<IIncomingCallHandler, FlowCallHandler>());
        return services;
    }

    public static void MapIvrEndpoints(this WebApplication app)
    {
        app.MapFlowEndpoints();
        app.MapCallIvrEndpoints();
    }
}
