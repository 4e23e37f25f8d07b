using CallCenter.Core.Callbacks;
using CallCenter.Core.Conversations;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Desk.ScreenPop;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.FollowUps;
using CallCenter.Core.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>
    /// The agent desk's application: what each desk action does, the screen-pop, the desk's records, and the voice
    /// path that moves a live call on Twilio's protocol. The host supplies how the desk is reached
    /// (<see cref="IDeskNotifier"/>) and runs the router that <see cref="RoutingSignal"/> wakes.
    /// </summary>
    public static IServiceCollection AddAgentDesk(this IServiceCollection services)
    {
        services.AddOptions<DeskOptions>().BindConfiguration(DeskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // One repository for the agent's work row: the desk's operations and the voice path's, on the same table.
        services.AddSingleton<DeskWorkRepository>();
        services.AddSingleton<IDeskWorkRepository>(sp => sp.GetRequiredService<DeskWorkRepository>());
        services.AddSingleton<IDeskCallRepository>(sp => sp.GetRequiredService<DeskWorkRepository>());
        services.AddSingleton<IWrapUpRepository, WrapUpRepository>();
        services.AddSingleton<IScheduledCallbackRepository, ScheduledCallbackRepository>();
        services.AddSingleton<ScreenPopReader>();
        services.AddSingleton<ScreenPopBuilder>();
        services.AddSingleton<IConversationMessageListener, DeskInbox>();
        services.AddSingleton<RoutingSignal>();
        services.AddSingleton<IRoutingSignal>(sp => sp.GetRequiredService<RoutingSignal>());
        services.AddSingleton<IQueueArrivalSignal>(sp => sp.GetRequiredService<RoutingSignal>());

        services.AddSingleton<DeskAudit>();
        services.AddSingleton<DeskAccess>();
        services.AddSingleton<TransferHandover>();
        services.AddSingleton<DeskStateActions>();
        services.AddSingleton<Agents.Supervision.SupervisorAgentActions>();
        services.AddSingleton<Agents.Supervision.AccountSessionEnder>();
        services.AddSingleton<DeskOfferActions>();
        services.AddSingleton<DeskCallActions>();
        services.AddSingleton<DeskWrapUpActions>();
        services.AddSingleton<DeskFollowUpActions>();
        services.AddSingleton<DeskConversationActions>();
        services.AddSingleton<DeskAppointmentActions>();
        services.AddSingleton<DeskPatientActions>();
        return services.AddDeskVoice();
    }

    private static IServiceCollection AddDeskVoice(this IServiceCollection services)
    {
        services.AddOptions<DeskVoiceOptions>().BindConfiguration(DeskVoiceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IAgentEndpoints, ProfileAgentEndpoints>();
        services.AddSingleton<DeskVoiceLinks>();
        services.AddSingleton<DeskVoiceTwiml>();
        // Singletons all: the voice path makes a Twilio REST client per use (TwilioRestClientFactory), so nothing in
        // the desk needs a request scope, and nothing long-lived can end up holding something that does.
        services.AddSingleton<DeskCallEnder>();
        services.AddSingleton<IDeskCallControl, DeskCallControl>();
        services.AddSingleton<DeskVoiceAnswers>();
        services.AddSingleton<DeskVoiceCallerAnswers>();
        services.AddSingleton<IDeskCallEvents, DeskCallEvents>();

        // Follow-up calls from the desk's call list are placed agent first through the same REST client.
        services.AddSingleton<FollowUpDialer>();

        // Callbacks are offered and dialled through the desk (agent-first) or put in its line (customer-first).
        services.AddCallbacks();
        return services;
    }
}
