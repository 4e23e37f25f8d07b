using System.Data.Common;

namespace CallCenter.Core.Surveys;

/// <summary>Survey versions. Reads that run inside another change's transaction take its connection.</summary>
public interface ISurveyDefinitionRepository
{
    /// <summary>The newest version of every survey that is not retired.</summary>
    Task<IReadOnlyList<SurveyDefinition>> ListCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>As <see cref="ListCurrentAsync(CancellationToken)"/>, on the caller's connection.</summary>
    Task<IReadOnlyList<SurveyDefinition>> ListCurrentAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>The newest version of a survey (retired or not); null when none.</summary>
    Task<SurveyDefinition?> LatestAsync(string key, CancellationToken cancellationToken = default);

    Task<SurveyDefinition?> FindVersionAsync(string key, int version, CancellationToken cancellationToken = default);

    Task<SurveyDefinition?> FindAsync(Guid id, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Adds a version; false when the key already has that version (a concurrent edit won).</summary>
    Task<bool> TryAddAsync(SurveyDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Retires every version of a survey: nothing new is sent; answers stay. False when it was not active.</summary>
    Task<bool> RetireAsync(string key, DateTime at, CancellationToken cancellationToken = default);
}
