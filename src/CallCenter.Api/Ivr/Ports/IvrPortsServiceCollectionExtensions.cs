using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Ivr.Ports;

public static class IvrPortsServiceCollectionExtensions
{
    /// <summary>HTTP client name of the connector; its handler can be configured like any named client.</summary>
    public const string HttpClientName = "ivr-http";

    /// <summary>
    /// The hub's implementations of the IVR engine's ports, over its database and carrier, and the
    /// <see cref="FlowServices"/> that hands them to the engine. Needs the Core and the carrier (Twilio protocol).
    /// </summary>
    public static IServiceCollection AddIvrPorts(this IServiceCollection services)
    {
        services.AddOptions<IvrPortOptions>().BindConfiguration(IvrPortOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IvrPortOptions>, IvrPortOptionsValidator>());

        // The per-request timeout is the flow's; the client's own is only a backstop above any flow's. A flow reads
        // a few fields: an answer bigger than this is a misconfigured endpoint, refused rather than buffered.
        services.AddHttpClient(HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromMinutes(2);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });

        services.AddSingleton<IPatientDirectory, HubPatientDirectory>();
        services.AddSingleton<IAppointmentDesk, HubAppointmentDesk>();
        services.AddSingleton<IQueueDesk, HubQueueDesk>();
        services.AddSingleton<IFollowUpDesk, HubFollowUpDesk>();
        services.AddSingleton<IFlowMessenger, HubFlowMessenger>();
        services.AddSingleton<IHttpConnector, HubHttpConnector>();
        services.AddSingleton<ISmsInbox, HubSmsInbox>();
        services.AddSingleton(sp => new FlowServices(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IPatientDirectory>(),
            sp.GetRequiredService<IAppointmentDesk>(),
            sp.GetRequiredService<IQueueDesk>(),
            sp.GetRequiredService<IFollowUpDesk>(),
            sp.GetRequiredService<IFlowMessenger>(),
            sp.GetRequiredService<IHttpConnector>(),
            sp.GetRequiredService<ISmsInbox>()));
        return services;
    }
}
