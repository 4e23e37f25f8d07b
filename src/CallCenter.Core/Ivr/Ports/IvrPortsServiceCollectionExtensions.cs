using CallCenter.Core.Ivr.Verification;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Ivr.Ports;

public static class IvrPortsServiceCollectionExtensions
{
    /// <summary>HTTP client name of the connector; its handler can be configured like any named client.</summary>
    public const string HttpClientName = "ivr-http";

    /// <summary>
    /// The hub's implementations of the IVR engine's ports, over the Core's repositories and services, and the
    /// <see cref="FlowServices"/> that hands them to the engine. Needs the Core, and from the host an
    /// <see cref="Messaging.ISmsCarrier"/> (flows send texts through it) and, optionally,
    /// <see cref="Conversations.IConversationMessageListener"/>s (told of texts added to conversations).
    /// </summary>
    public static IServiceCollection AddIvrPorts(this IServiceCollection services)
    {
        services.AddOptions<IvrPortOptions>().BindConfiguration(IvrPortOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IvrPortOptions>, IvrPortOptionsValidator>());
        services.AddOptions<IvrVerificationOptions>().BindConfiguration(IvrVerificationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IvrVerificationOptions>, IvrVerificationOptionsValidator>());
        services.AddSingleton<IVerificationFailures, VerificationFailureRepository>();

        // The per-request timeout is the flow's; the client's own is only a backstop above any flow's. A flow reads
        // a few fields: an answer bigger than this is a misconfigured endpoint, refused rather than buffered.
        services.AddHttpClient(HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromMinutes(2);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });

        services.AddSingleton<IPatientDirectory, PatientDirectory>();
        services.AddSingleton<IAppointmentBook, AppointmentBook>();
        services.AddSingleton<IQueueLine, QueueLine>();
        services.AddSingleton<IFollowUps, FollowUpTasks>();
        services.AddSingleton<IFlowMessenger, FlowMessenger>();
        services.AddSingleton<IHttpConnector, HttpConnector>();
        services.AddSingleton<ISmsInbox, SmsInbox>();
        services.AddSingleton<FlowServices>();
        return services;
    }
}
