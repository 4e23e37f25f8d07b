using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>Complaint cases: the repository, <see cref="ComplaintCaseService"/> and the <c>Cases</c> settings (checked at start-up).</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddOptions<CaseOptions>().BindConfiguration(CaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICaseRepository, CaseRepository>();
        services.AddSingleton<ComplaintCaseService>();
        services.AddSingleton<CaseIntake>();
        services.AddSingleton<Surveys.ILowSurveyScoreListener, LowScoreCases>();
        return services;
    }
}
