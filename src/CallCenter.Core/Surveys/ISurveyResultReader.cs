using CallCenter.Core.Common;

namespace CallCenter.Core.Surveys;

public interface ISurveyResultReader
{
    /// <summary>Answers newest first, filtered.</summary>
    Task<Page<SurveyResult>> ListAsync(SurveyResultQuery query, CancellationToken cancellationToken = default);
}
