using System.Data.Common;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Data;
using CallCenter.Core.Patients;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Reminders;

/// <summary>A patient's no-show count and flag, read for the profile: scoped and audited like any patient data.</summary>
public sealed class NoShowRecords(IDbConnectionFactory db, PatientScopeGuard scope, IAuditLog audit, IOptions<ReminderOptions> options, TimeProvider time)
{
    private const string CountSql = """
        SELECT COUNT(*) AS total,
               COALESCE(SUM(CASE WHEN s.starts_at > @Since THEN 1 ELSE 0 END), 0) AS recent,
               MAX(s.starts_at) AS last_at
        FROM appointment a JOIN slot s ON s.id = a.slot_id
        WHERE a.patient_id = @PatientId AND a.status = 'no-show'
        """;

    /// <summary>The record, or null when the patient is not found or out of the actor's scope.</summary>
    public async Task<NoShowRecord?> GetAsync(Actor actor, Guid patientId, CancellationToken cancellationToken = default)
    {
        if (!await scope.AllowAsync(actor, patientId, "patient.no-shows", null, cancellationToken))
        {
            return null;
        }

        var record = await ReadAsync(patientId, cancellationToken);
        await audit.WriteAsync(actor, "patient.no-shows", patientId, AuditOutcomes.Success, $"recent {record.Recent} flagged {record.Flagged}", cancellationToken);
        return record;
    }

    /// <summary>The record without scope or audit, for callers that already did both (the profile, the screen-pop).</summary>
    public async Task<NoShowRecord> ReadAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await ReadAsync(connection, patientId, cancellationToken);
    }

    /// <summary>The record read on the caller's connection (the screen-pop reads everything on one).</summary>
    public async Task<NoShowRecord> ReadAsync(DbConnection connection, Guid patientId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var since = time.GetUtcNow().UtcDateTime.AddDays(-settings.NoShowFlagDays);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(CountSql, new { PatientId = patientId, Since = since }, cancellationToken: cancellationToken));
        return new NoShowRecord((int)row.Total, (int)row.Recent, settings.NoShowFlagDays, settings.NoShowFlagCount, row.LastAt);
    }

    private sealed record Row
    {
        public long Total { get; init; }
        public long Recent { get; init; }
        public DateTime? LastAt { get; init; }
    }
}
