using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Patients;

internal sealed class PatientScopeReader(IDbConnectionFactory db) : IPatientScopeReader
{
    private const string FindSql = "SELECT id, assigned_user_id FROM patient WHERE id = @Id";

    public async Task<PatientScope?> FindAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PatientScope>(
            new CommandDefinition(FindSql, new { Id = patientId }, cancellationToken: cancellationToken));
    }
}
