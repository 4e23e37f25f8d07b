namespace CallCenter.Core.Surveys;

/// <summary>
/// Told of each low survey answer once it is stored (service recovery opens a supervisor's task; a complaint case may
/// be opened too). Called in order for every registered listener; one that throws is logged and the others still run.
/// </summary>
public interface ILowSurveyScoreListener
{
    Task OnLowScoreAsync(LowSurveyScore score, CancellationToken ct);
}
