using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;

namespace CallCenter.Core.Surveys;

/// <summary>Survey answers for supervisors; each read is audited (answers are patient data).</summary>
public sealed class SurveyResults(ISurveyResultReader reader, IAuditLog audit)
{
    public const string ReadOperation = "survey.results";

    public async Task<Page<SurveyResult>> ListAsync(Actor actor, SurveyResultQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await reader.ListAsync(query, cancellationToken);
        await audit.WriteAsync(actor, ReadOperation, null, AuditOutcomes.Success, $"{page.Items.Count} answers, page {query.Page.Page}", cancellationToken);
        return page;
    }
}
