using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using Dapper;

namespace CallCenter.Core.Patients;

internal sealed partial class PatientRepository(IDbConnectionFactory db, ISqlDialect dialect, TimeProvider time, IFieldCipher cipher) : IPatientRepository
{
    private const string InsertSql = """
        INSERT INTO patient (id, full_name, search_name, gender, date_of_birth, email, preferred_language, time_zone, mrn, notes, assigned_user_id, created_at, updated_at)
        VALUES (@Id, @FullName, @SearchName, @Gender, @DateOfBirth, @Email, @PreferredLanguage, @TimeZone, @Mrn, @Notes, @AssignedUserId, @CreatedAt, @UpdatedAt)
        """;

    public async Task<PatientSaveResult> CreateAsync(Patient patient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, Row(patient), tx, cancellationToken: cancellationToken));
            await InsertChildrenAsync(connection, tx, patient, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return PatientSaveResult.Saved;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return PatientSaveResult.MrnTaken;
        }
    }

    private const string Columns = """
        id, full_name, gender, date_of_birth, email, preferred_language, time_zone, mrn, notes, assigned_user_id, created_at, updated_at
        """;

    private const string FindSql = $"SELECT {Columns} FROM patient WHERE id = @Id";

    private const string PhonesSql = "SELECT e164, kind, is_primary FROM patient_phone WHERE patient_id = @Id ORDER BY is_primary DESC, e164";

    private const string TagsSql = "SELECT tag FROM patient_tag WHERE patient_id = @Id ORDER BY tag";

    public async Task<Patient?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var patient = await connection.QuerySingleOrDefaultAsync<Patient>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
        if (patient is null)
        {
            return null;
        }

        var phones = await connection.QueryAsync<PatientPhone>(new CommandDefinition(PhonesSql, new { Id = id }, cancellationToken: cancellationToken));
        var tags = await connection.QueryAsync<string>(new CommandDefinition(TagsSql, new { Id = id }, cancellationToken: cancellationToken));
        return patient with { Notes = cipher.Decrypt(patient.Notes), Phones = phones.AsList(), Tags = tags.AsList() };
    }

    private const string UpdateSql = """
        UPDATE patient
        SET full_name = @FullName, search_name = @SearchName, gender = @Gender, date_of_birth = @DateOfBirth, email = @Email,
            preferred_language = @PreferredLanguage, time_zone = @TimeZone, mrn = @Mrn, notes = @Notes, updated_at = @UpdatedAt
        WHERE id = @Id
        """;

    private const string DeletePhonesSql = "DELETE FROM patient_phone WHERE patient_id = @Id";

    private const string DeleteTagsSql = "DELETE FROM patient_tag WHERE patient_id = @Id";

    public async Task<PatientSaveResult> UpdateAsync(Patient patient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, Row(patient), tx, cancellationToken: cancellationToken)) == 0)
            {
                return PatientSaveResult.NotFound;
            }

            var id = new { patient.Id };
            await connection.ExecuteAsync(new CommandDefinition(DeletePhonesSql, id, tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(DeleteTagsSql, id, tx, cancellationToken: cancellationToken));
            await InsertChildrenAsync(connection, tx, patient, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return PatientSaveResult.Saved;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return PatientSaveResult.MrnTaken;
        }
    }

    private const string AssignSql = "UPDATE patient SET assigned_user_id = @UserId, updated_at = @At WHERE id = @Id";

    public async Task<bool> SetAssignedUserAsync(Guid id, Guid? userId, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            AssignSql, new { Id = id, UserId = userId, At = at }, cancellationToken: cancellationToken)) == 1;
    }

    private const string InsertPhoneSql = """
        INSERT INTO patient_phone (id, patient_id, e164, kind, is_primary) VALUES (@Id, @PatientId, @E164, @Kind, @IsPrimary)
        """;

    private const string InsertTagSql = "INSERT INTO patient_tag (patient_id, tag) VALUES (@PatientId, @Tag)";

    private async Task InsertChildrenAsync(DbConnection connection, DbTransaction tx, Patient patient, CancellationToken cancellationToken)
    {
        foreach (var phone in patient.Phones)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertPhoneSql,
                new { Id = Ids.New(time), PatientId = patient.Id, phone.E164, phone.Kind, phone.IsPrimary }, tx, cancellationToken: cancellationToken));
        }

        foreach (var tag in patient.Tags)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertTagSql, new { PatientId = patient.Id, Tag = tag }, tx, cancellationToken: cancellationToken));
        }
    }

    private object Row(Patient p) => new
    {
        p.Id,
        p.FullName,
        SearchName = PatientRules.SearchName(p.FullName),
        p.Gender,
        p.DateOfBirth,
        p.Email,
        p.PreferredLanguage,
        p.TimeZone,
        p.Mrn,
        Notes = cipher.Encrypt(p.Notes),
        p.AssignedUserId,
        p.CreatedAt,
        p.UpdatedAt,
    };
}
