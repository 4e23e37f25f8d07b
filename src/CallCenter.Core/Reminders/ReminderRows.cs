using System.Data.Common;
using Dapper;

namespace CallCenter.Core.Reminders;

/// <summary>The SQL reminders and offers share, always on the caller's connection and transaction.</summary>
internal static class ReminderRows
{
    public const string Scheduled = "scheduled";
    public const string Withdrawn = "withdrawn";

    private const string MobilePhoneSql = """
        SELECT e164 FROM patient_phone WHERE patient_id = @PatientId AND kind = 'mobile' ORDER BY is_primary DESC, e164
        """;

    /// <summary>The patient's primary mobile number (where an SMS reply comes from), or null.</summary>
    public static async Task<string?> MobilePhoneAsync(DbConnection connection, DbTransaction transaction, Guid patientId, CancellationToken cancellationToken) =>
        await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(MobilePhoneSql, new { PatientId = patientId }, transaction, cancellationToken: cancellationToken));

    private const string InsertPendingReplySql = """
        INSERT INTO sms_pending_reply (id, phone, purpose, patient_id, appointment_id, survey_id, message_sid, sent_at, expires_at, closed_at, outcome)
        VALUES (@Id, @Phone, @Purpose, @PatientId, @AppointmentId, NULL, NULL, @OpensAt, @ExpiresAt, NULL, NULL)
        """;

    /// <summary>
    /// A reply the patient's text will be matched to, open from <paramref name="opensAt"/> (when the message is due)
    /// until <paramref name="expiresAt"/>.
    /// </summary>
    public static Task AddPendingReplyAsync(
        DbConnection connection,
        DbTransaction transaction,
        Guid id,
        string phone,
        string purpose,
        Guid patientId,
        Guid? appointmentId,
        DateTime opensAt,
        DateTime expiresAt,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            InsertPendingReplySql,
            new { Id = id, Phone = phone, Purpose = purpose, PatientId = patientId, AppointmentId = appointmentId, OpensAt = opensAt, ExpiresAt = expiresAt },
            transaction,
            cancellationToken: cancellationToken));

    private const string NamesSql = """
        SELECT dep.code AS department_code, dep.name AS department_name, dep.name_en AS department_name_en, doc.name AS doctor_name
        FROM doctor doc JOIN department dep ON dep.id = doc.department_id WHERE doc.id = @DoctorId
        """;

    /// <summary>The values a reminder or offer template may use about the visit.</summary>
    public static async Task<Dictionary<string, string>> VisitVariablesAsync(
        DbConnection connection, DbTransaction transaction, Guid doctorId, DateTime startsAt, CancellationToken cancellationToken)
    {
        var names = await connection.QuerySingleOrDefaultAsync<Names>(new CommandDefinition(NamesSql, new { DoctorId = doctorId }, transaction, cancellationToken: cancellationToken));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["startsAt"] = DateTime.SpecifyKind(startsAt, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["departmentCode"] = names?.DepartmentCode ?? string.Empty,
            ["departmentName"] = names?.DepartmentName ?? string.Empty,
            ["departmentNameEn"] = names?.DepartmentNameEn ?? names?.DepartmentName ?? string.Empty,
            ["doctorName"] = names?.DoctorName ?? string.Empty,
        };
    }

    private sealed record Names
    {
        public string? DepartmentCode { get; init; }
        public string? DepartmentName { get; init; }
        public string? DepartmentNameEn { get; init; }
        public string? DoctorName { get; init; }
    }
}
