using CallCenter.Core.Surveys;

namespace CallCenter.Core.Cases;

/// <summary>A low survey score opens a complaint case (once per answer), beside the supervisor's service-recovery task.</summary>
internal sealed class LowScoreCases(CaseIntake intake) : ILowSurveyScoreListener
{
    public Task OnLowScoreAsync(LowSurveyScore score, CancellationToken ct) => intake.FromLowSurveyScoreAsync(score, ct);
}
