using CallCenter.Api.Telephony;
using CallCenter.Core.Ivr;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Api.Ivr;

/// <summary>
/// The IVR in the web host: the Core's IVR (<see cref="Core.Ivr.IvrServiceCollectionExtensions.AddIvr"/>), the flow
/// folder watched and calls answered by flows. The desk hears what the IVR hands on through Core's signals.
/// </summary>
internal static class IvrServiceCollectionExtensions
{
    public static IServiceCollection AddIvrApi(this IServiceCollection services)
    {
        services.AddIvr();
        services.AddHostedService<FlowWatcher>();
        services.Replace(ServiceDescriptor.Singleton<IIncomingCallHandler, FlowIncomingCalls>());
        return services;
    }

    public static void MapIvrEndpoints(this WebApplication app)
    {
        app.MapFlowEndpoints();
        app.MapCallIvrEndpoints();
    }
}
