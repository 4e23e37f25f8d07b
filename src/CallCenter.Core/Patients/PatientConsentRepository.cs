using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Patients;

internal sealed class PatientConsentRepository(IDbConnectionFactory db) : IPatientConsentRepository
{
    private const string InsertSql = """
        INSERT INTO patient_consent (id, patient_id, channel, granted, changed_at, method, recorded_by_user_id, note, purpose)
        VALUES (@Id, @PatientId, @Channel, @Granted, @ChangedAt, @Method, @RecordedByUserId, @Note, @Purpose)
        """;

    public async Task AddAsync(PatientConsent consent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consent);
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, consent, cancellationToken: cancellationToken));
    }

    private const string HistorySql = """
        SELECT id, patient_id, channel, granted, changed_at, method, recorded_by_user_id, note, purpose
        FROM patient_consent
        WHERE patient_id = @PatientId
        ORDER BY changed_at DESC, id DESC
        """;

    public async Task<IReadOnlyList<PatientConsent>> HistoryAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PatientConsent>(new CommandDefinition(
            HistorySql, new { PatientId = patientId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
