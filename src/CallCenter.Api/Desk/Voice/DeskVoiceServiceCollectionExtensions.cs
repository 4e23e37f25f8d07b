using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Api.Desk.Voice;

internal static class DeskVoiceServiceCollectionExtensions
{
    /// <summary>
    /// The desk's voice path: <see cref="IDeskCallControl"/> on Twilio's protocol, its webhooks' answers, and the
    /// call status hook. Needs the desk's <see cref="IDeskNotifier"/> and <see cref="IRoutingSignal"/> and the routing
    /// engine, registered by their own features.
    /// </summary>
    public static IServiceCollection AddDeskVoice(this IServiceCollection services)
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
