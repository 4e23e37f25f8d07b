using CallCenter.Core.Desk;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Surveys;

public static class SurveysServiceCollectionExtensions
{
    /// <summary>
    /// Survey definitions, the triggers that send them (a wrap-up, a completed visit), the SMS dialogue, the keypad survey
    /// of a desk call whose agent hung up first (<see cref="ICallerAfterAgent"/>), results, and
    /// service recovery (a low score opens a follow-up). What is sent goes through any registered
    /// <see cref="ISurveyOutbox"/> (the notification outbox); other <see cref="ILowSurveyScoreListener"/>s may be added.
    /// </summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ISurveyDefinitionRepository, SurveyDefinitionRepository>();
        services.AddSingleton<ISurveyInvitationRepository, SurveyInvitationRepository>();
        services.AddSingleton<ISurveyResultReader, SurveyResultReader>();
        services.AddSingleton<SurveyDefinitions>();
        services.AddSingleton<SurveyResults>();
        services.AddSingleton<SurveySender>();
        services.AddSingleton<SurveyDialogue>();
        services.AddSingleton<LowScoreAlarm>();
        services.AddSingleton<SurveyTriggers>();
        services.AddSingleton<IWrapUpListener>(sp => sp.GetRequiredService<SurveyTriggers>());
        services.AddSingleton<IAppointmentChangeListener>(sp => sp.GetRequiredService<SurveyTriggers>());
        services.AddSingleton<ILowSurveyScoreListener, ServiceRecoveryTasks>();
        services.AddSingleton<IKeypadSurveyRepository, KeypadSurveyRepository>();
        services.AddSingleton<KeypadSurveyLinks>();
        services.AddSingleton<KeypadSurveyTwiml>();
        services.AddSingleton<KeypadSurveys>();
        services.AddSingleton<ICallerAfterAgent>(sp => sp.GetRequiredService<KeypadSurveys>());
        return services;
    }
}
