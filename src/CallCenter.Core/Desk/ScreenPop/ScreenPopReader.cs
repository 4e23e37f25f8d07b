using System.Data.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using Dapper;

namespace CallCenter.Core.Desk.ScreenPop;

/// <summary>
/// Reads everything a screen-pop shows on one connection with a handful of indexed queries (no query per item):
/// it sits on the path from the caller joining the queue to the agent's screen.
/// </summary>
public sealed class ScreenPopReader(IDbConnectionFactory db, ISqlDialect dialect, IFieldCipher cipher)
{
    public const int Appointments = 5;
    public const int Interactions = 10;

    private const string PatientSql = """
        SELECT id, full_name, mrn, date_of_birth, gender, preferred_language, assigned_user_id
        FROM patient WHERE id = @PatientId
        """;

    private const string TagsSql = "SELECT tag FROM patient_tag WHERE patient_id = @PatientId ORDER BY tag";

    private const string AppointmentsSql = $"""
        SELECT a.id, s.starts_at, d.name AS department, doc.name AS doctor, a.status
        FROM appointment a
        JOIN slot s ON s.id = a.slot_id
        JOIN doctor doc ON doc.id = s.doctor_id
        JOIN department d ON d.id = doc.department_id
        WHERE a.patient_id = @PatientId AND s.starts_at >= @Now AND a.status IN ('booked', 'confirmed')
        ORDER BY s.starts_at, a.id
        {SqlMarkers.Page}
        """;

    private const string InteractionsSql = $"""
        SELECT occurred_at, kind, direction, summary FROM interaction
        WHERE patient_id = @PatientId
        ORDER BY occurred_at DESC, id DESC
        {SqlMarkers.Page}
        """;

    private const string FollowUpsSql = """
        SELECT id, kind, category, created_at, status FROM follow_up
        WHERE patient_id = @PatientId AND status = 'open'
        ORDER BY created_at
        """;

    private const string CandidatesSql = """
        SELECT p.id, p.full_name, p.mrn, p.date_of_birth, p.gender, p.preferred_language, p.assigned_user_id
        FROM patient p JOIN patient_phone ph ON ph.patient_id = p.id
        WHERE ph.e164 = @Phone
        ORDER BY p.created_at, p.id
        """;

    /// <summary>The patient's record and scope; null when there is no such patient.</summary>
    public static async Task<PatientRow?> PatientAsync(DbConnection connection, Guid patientId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<PatientRow>(new CommandDefinition(PatientSql, new { PatientId = patientId }, cancellationToken: cancellationToken));

    /// <summary>Tags, the next appointments, the latest interactions and open follow-ups of a patient the agent may see.</summary>
    public async Task<PatientDetailsRows> DetailsAsync(DbConnection connection, Guid patientId, DateTime now, CancellationToken cancellationToken)
    {
        var key = new { PatientId = patientId };
        var tags = await connection.QueryAsync<string>(new CommandDefinition(TagsSql, key, cancellationToken: cancellationToken));
        var appointments = await connection.QueryAsync<AppointmentRow>(new CommandDefinition(
            dialect.Render(AppointmentsSql), new { PatientId = patientId, Now = now, Skip = 0, Take = Appointments }, cancellationToken: cancellationToken));
        var interactions = await connection.QueryAsync<InteractionRow>(new CommandDefinition(
            dialect.Render(InteractionsSql), new { PatientId = patientId, Skip = 0, Take = Interactions }, cancellationToken: cancellationToken));
        var followUps = await connection.QueryAsync<FollowUpRow>(new CommandDefinition(FollowUpsSql, key, cancellationToken: cancellationToken));
        var opened = interactions.Select(i => i with { Summary = cipher.Decrypt(i.Summary) }).ToList();
        return new PatientDetailsRows(tags.AsList(), appointments.AsList(), opened, followUps.AsList());
    }

    public static async Task<IReadOnlyList<PatientRow>> CandidatesAsync(DbConnection connection, string e164, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PatientRow>(new CommandDefinition(CandidatesSql, new { Phone = e164 }, cancellationToken: cancellationToken))).AsList();

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => db.OpenAsync(cancellationToken);
}
