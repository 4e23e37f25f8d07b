using CallCenter.Core.Desk.Data;
using CallCenter.Core.Desk.ScreenPop;
using CallCenter.Core.Desk.Voice;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>
    /// The agent desk's application: what each desk action does, the screen-pop, the desk's records, and the voice
    /// path that moves a live call on Twilio's protocol. The host supplies how the desk is reached
    /// (<see cref="IDeskNotifier"/>) and how the router is woken (<see cref="IRoutingSignal"/>).
    /// </summary>
    public static IServiceCollection AddAgentDesk(this IServiceCollection services)
    {
        services.AddOptions<DeskOptions>().BindConfiguration(DeskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDeskWorkRepository, DeskWorkRepository>();
        services.AddSingleton<IWrapUpRepository, WrapUpRepository>();
        services.AddSingleton<IScheduledCallbackRepository, ScheduledCallbackRepository>();
        services.AddSingleton<ScreenPopReader>();
        services.AddSingleton<ScreenPopBuilder>();
        services.AddSingleton<IConversationListener, DeskInbox>();

        services.AddSingleton<DeskAudit>();
        services.AddSingleton<DeskAccess>();
        services.AddSingleton<TransferHandover>();
        services.AddSingleton<DeskStateActions>();
        // Scoped like the voice path they drive: it holds Twilio's REST client, a typed HttpClient made per use.
        services.AddScoped<DeskOfferActions>();
        services.AddScoped<DeskCallActions>();
        services.AddSingleton<DeskWrapUpActions>();
        services.AddSingleton<DeskConversationActions>();
        services.AddSingleton<DeskAppointmentActions>();
        services.AddSingleton<DeskPatientActions>();
        return services.AddDeskVoice();
    }

    private static IServiceCollection AddDeskVoice(this IServiceCollection services)
    {
        services.AddOptions<DeskVoiceOptions>().BindConfiguration(DeskVoiceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDeskCallRepository, DeskCallRepository>();
        services.TryAddSingleton<IAgentEndpoints, ProfileAgentEndpoints>();
        services.AddSingleton<DeskVoiceLinks>();
        services.AddSingleton<DeskVoiceTwiml>();
        services.AddScoped<DeskCallEnder>();
        services.AddScoped<IDeskCallControl, DeskCallControl>();
        services.AddScoped<DeskVoiceAnswers>();
        services.AddScoped<DeskVoiceCallerAnswers>();
        services.AddScoped<IDeskCallEvents, DeskCallEvents>();
        return services;
    }
}
