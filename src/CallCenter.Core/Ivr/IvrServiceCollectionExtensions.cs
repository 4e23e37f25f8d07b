using CallCenter.Core.Ivr.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Ivr;

public static class IvrServiceCollectionExtensions
{
    /// <summary>
    /// The IVR: flow files loaded and activated, sessions stored, calls and texts answered by flows, and the callers'
    /// outcomes for the screen-pop; with the engine's ports (<see cref="IvrPortsServiceCollectionExtensions.AddIvrPorts"/>).
    /// The host supplies what only it can: an <see cref="Messaging.ISmsCarrier"/>, optionally
    /// <see cref="Queues.IQueueArrivalSignal"/>s (told when a flow puts a call in a queue) and
    /// <see cref="Conversations.IConversationMessageListener"/>s; it also watches the flow folder and answers calls no flow takes.
    /// </summary>
    public static IServiceCollection AddIvr(this IServiceCollection services)
    {
        services.AddOptions<IvrOptions>().BindConfiguration(IvrOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddIvrPorts();
        services.AddSingleton<IFlowVersionRepository, FlowVersionRepository>();
        services.AddSingleton<IFlowSessionRepository, FlowSessionRepository>();
        services.AddSingleton<IIvrOutcomeReader, IvrOutcomeReader>();
        services.AddSingleton<FlowCatalogReader>();
        services.AddSingleton<FlowRegistry>();
        services.AddSingleton<FlowRunner>();
        services.AddSingleton<FlowQueueUsage>();
        services.AddSingleton<FlowCallHandler>();
        services.AddSingleton<OutboundFlowCalls>();
        services.AddSingleton<SmsFlowHandler>();
        return services;
    }
}
