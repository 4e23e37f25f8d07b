using System.Data;
using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using Dapper;

namespace CallCenter.Core.Cases;

internal sealed class CaseRepository(IDbConnectionFactory db, ISqlDialect dialect, TimeProvider time, IFieldCipher cipher) : ICaseRepository
{
    private const string Columns = """
        c.id, c.patient_id, c.caller_number, c.department_id, c.category, c.severity, c.description, c.status, c.owner_id,
        c.source, c.origin_key, c.first_response_due_at, c.resolution_due_at, c.first_responded_at, c.resolved_at, c.closed_at,
        c.first_response_escalated_at, c.resolution_escalated_at, c.created_by, c.created_at, c.updated_at,
        p.assigned_user_id AS patient_assigned_user_id
        """;

    private const string InsertSql = """
        INSERT INTO complaint_case (id, patient_id, caller_number, department_id, category, severity, description, status, owner_id,
            source, origin_key, first_response_due_at, resolution_due_at, created_by, created_at, updated_at)
        VALUES (@Id, @PatientId, @CallerNumber, @DepartmentId, @Category, @Severity, @Description, @Status, @OwnerId,
            @Source, @OriginKey, @FirstResponseDueAt, @ResolutionDueAt, @CreatedBy, @CreatedAt, @UpdatedAt)
        """;

    // The sequence number orders the history where times tie (a clock read twice in the same instant).
    private const string InsertNoteSql = """
        INSERT INTO complaint_case_note (id, case_id, sequence_number, kind, body, author_id, author_name, created_at)
        SELECT @Id, @CaseId, COALESCE(MAX(sequence_number), 0) + 1, @Kind, @Body, @AuthorId, @AuthorName, @CreatedAt
        FROM complaint_case_note WHERE case_id = @CaseId
        """;

    private const string InsertLinkSql = """
        INSERT INTO complaint_case_link (case_id, kind, sid, created_at) VALUES (@CaseId, @Kind, @Sid, @CreatedAt)
        """;

    public async Task<bool> TryAddAsync(ComplaintCase complaint, CaseNote opened, IReadOnlyList<CaseLink> links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(links);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, complaint with { Description = cipher.Encrypt(complaint.Description)! }, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (complaint.OriginKey is not null && dialect.IsUniqueViolation(ex))
        {
            // The same origin opened a case already (a redelivered webhook, a repeated wrap-up): that case stands.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertNoteSql, Sealed(opened), transaction, cancellationToken: cancellationToken));
        foreach (var link in links.DistinctBy(l => (l.Kind, l.Sid)))
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertLinkSql, link, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private const string FindSql = $"SELECT {Columns} FROM complaint_case c LEFT JOIN patient p ON p.id = c.patient_id WHERE c.id = @Id";

    public async Task<ComplaintCase?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return Opened(await connection.QuerySingleOrDefaultAsync<ComplaintCase>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken)));
    }

    private const string FindByOriginSql = $"SELECT {Columns} FROM complaint_case c LEFT JOIN patient p ON p.id = c.patient_id WHERE c.origin_key = @OriginKey";

    public async Task<ComplaintCase?> FindByOriginAsync(string originKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return Opened(await connection.QuerySingleOrDefaultAsync<ComplaintCase>(new CommandDefinition(
            FindByOriginSql, new { OriginKey = originKey }, cancellationToken: cancellationToken)));
    }

    private const string NotesSql = """
        SELECT id, case_id, kind, body, author_id, author_name, created_at
        FROM complaint_case_note WHERE case_id = @Id ORDER BY sequence_number
        """;

    public async Task<IReadOnlyList<CaseNote>> NotesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseNote>(new CommandDefinition(NotesSql, new { Id = id }, cancellationToken: cancellationToken));
        return rows.Select(n => n with { Body = cipher.Decrypt(n.Body)! }).ToList();
    }

    private const string LinksSql = "SELECT case_id, kind, sid, created_at FROM complaint_case_link WHERE case_id = @Id ORDER BY created_at, kind, sid";

    public async Task<IReadOnlyList<CaseLink>> LinksAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CaseLink>(new CommandDefinition(LinksSql, new { Id = id }, cancellationToken: cancellationToken))).AsList();
    }

    // Optional filters as "@X IS NULL OR ..." keep one statement valid on every engine; flags are integers because
    // engines disagree on boolean literals. The scope rule is the patients' one: a patient assigned to a consultant
    // is seen by that consultant and by supervisors and admins only.
    private const string ListSql = $"""
        SELECT {Columns}
        FROM complaint_case c LEFT JOIN patient p ON p.id = c.patient_id
        WHERE (@SeesAll = 1 OR p.assigned_user_id IS NULL OR p.assigned_user_id = @UserId)
          AND (@Status IS NULL OR c.status = @Status)
          AND (@DepartmentId IS NULL OR c.department_id = @DepartmentId)
          AND (@Severity IS NULL OR c.severity = @Severity)
          AND (@OwnerId IS NULL OR c.owner_id = @OwnerId)
          AND (@PatientId IS NULL OR c.patient_id = @PatientId)
          AND (@Overdue IS NULL
               OR (@Overdue = 1 AND c.status IN ('open', 'investigating')
                   AND ((c.first_responded_at IS NULL AND c.first_response_due_at <= @Now) OR c.resolution_due_at <= @Now))
               OR (@Overdue = 0 AND NOT (c.status IN ('open', 'investigating')
                   AND ((c.first_responded_at IS NULL AND c.first_response_due_at <= @Now) OR c.resolution_due_at <= @Now))))
        ORDER BY c.created_at DESC, c.id DESC
        {SqlMarkers.Page}
        """;

    public async Task<Page<ComplaintCase>> ListAsync(CaseQuery query, CaseViewer viewer, DateTime now, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters(new { SeesAll = viewer.SeesAll ? 1 : 0, viewer.UserId, Now = now, page.Skip, Take = page.Take + 1 })
            .AddFilter("Status", query.Status)
            .AddFilter("DepartmentId", query.DepartmentId)
            .AddFilter("Severity", query.Severity)
            .AddFilter("OwnerId", query.OwnerId)
            .AddFilter("PatientId", query.PatientId);
        parameters.Add("Overdue", query.Overdue is { } overdue ? (overdue ? 1 : 0) : null, DbType.Int32);
        var rows = await connection.QueryAsync<ComplaintCase>(new CommandDefinition(dialect.Render(ListSql), parameters, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.Select(c => Opened(c)!).ToList(), page);
    }

    private const string ActiveForPatientSql = $"""
        SELECT {Columns}
        FROM complaint_case c LEFT JOIN patient p ON p.id = c.patient_id
        WHERE c.patient_id = @PatientId AND c.status IN ('open', 'investigating')
        ORDER BY c.created_at, c.id
        """;

    public async Task<IReadOnlyList<ComplaintCase>> ActiveForPatientAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ComplaintCase>(new CommandDefinition(
            ActiveForPatientSql, new { PatientId = patientId }, cancellationToken: cancellationToken));
        return rows.Select(c => Opened(c)!).ToList();
    }

    // Leaving "open" is the first response; reaching "resolved" (or "closed" unresolved) stops the resolution clock;
    // reopening a resolved case starts it again (the breach it already had stays escalated).
    private const string MoveSql = """
        UPDATE complaint_case SET
            status = @To,
            first_responded_at = COALESCE(first_responded_at, @Now),
            resolved_at = CASE WHEN @To = 'resolved' THEN @Now WHEN @To = 'investigating' THEN NULL ELSE resolved_at END,
            closed_at = CASE WHEN @To = 'closed' THEN @Now ELSE closed_at END,
            updated_at = @Now
        WHERE id = @Id AND status = @From
        """;

    public Task<bool> MoveAsync(Guid id, string fromStatus, string toStatus, CaseNote entry, CancellationToken cancellationToken = default) =>
        ChangeAsync(MoveSql, new { Id = id, From = fromStatus, To = toStatus, Now = entry.CreatedAt }, entry, cancellationToken);

    private const string AssignSql = "UPDATE complaint_case SET owner_id = @OwnerId, updated_at = @Now WHERE id = @Id AND status = @Status";

    public Task<bool> AssignAsync(Guid id, Guid? ownerId, string status, CaseNote entry, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { Id = id, Status = status, Now = entry.CreatedAt }).AddFilter("OwnerId", ownerId);
        return ChangeAsync(AssignSql, parameters, entry, cancellationToken);
    }

    private const string RespondSql = """
        UPDATE complaint_case SET
            first_responded_at = CASE WHEN status IN ('open', 'investigating') THEN COALESCE(first_responded_at, @Now) ELSE first_responded_at END,
            updated_at = @Now
        WHERE id = @Id
        """;

    public Task AddNoteAsync(CaseNote note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        return ChangeAsync(RespondSql, new { Id = note.CaseId, Now = note.CreatedAt }, note, cancellationToken);
    }

    private const string TouchSql = "UPDATE complaint_case SET updated_at = @Now WHERE id = @Id";

    public async Task<bool> TryLinkAsync(CaseLink link, CaseNote entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertLinkSql, link, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(TouchSql, new { Id = link.CaseId, Now = link.CreatedAt }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertNoteSql, Sealed(entry), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private const string CallExistsSql = "SELECT COUNT(*) FROM call WHERE call_sid = @Sid";
    private const string MessageExistsSql = "SELECT COUNT(*) FROM message WHERE message_sid = @Sid";

    public async Task<bool> SidExistsAsync(string kind, string sid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var sql = kind == CaseLinkKinds.Call ? CallExistsSql : MessageExistsSql;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { Sid = sid }, cancellationToken: cancellationToken)) > 0;
    }

    private const string FirstResponseBreachesSql = $"""
        SELECT c.id AS case_id, 'first-response' AS breach, c.first_response_due_at AS due_at, c.category, c.severity, c.status,
               d.name AS department_name, u.display_name AS owner_name, c.patient_id, c.created_at
        FROM complaint_case c
        LEFT JOIN department d ON d.id = c.department_id
        LEFT JOIN app_user u ON u.id = c.owner_id
        WHERE c.status IN ('open', 'investigating') AND c.first_responded_at IS NULL
          AND c.first_response_due_at <= @Now AND c.first_response_escalated_at IS NULL
        ORDER BY c.first_response_due_at, c.id
        {SqlMarkers.Page}
        """;

    private const string ResolutionBreachesSql = $"""
        SELECT c.id AS case_id, 'resolution' AS breach, c.resolution_due_at AS due_at, c.category, c.severity, c.status,
               d.name AS department_name, u.display_name AS owner_name, c.patient_id, c.created_at
        FROM complaint_case c
        LEFT JOIN department d ON d.id = c.department_id
        LEFT JOIN app_user u ON u.id = c.owner_id
        WHERE c.status IN ('open', 'investigating')
          AND c.resolution_due_at <= @Now AND c.resolution_escalated_at IS NULL
        ORDER BY c.resolution_due_at, c.id
        {SqlMarkers.Page}
        """;

    public async Task<IReadOnlyList<CaseBreach>> BreachesAsync(DateTime now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new { Now = now, Skip = 0, Take = limit };
        var first = await connection.QueryAsync<CaseBreach>(new CommandDefinition(dialect.Render(FirstResponseBreachesSql), parameters, cancellationToken: cancellationToken));
        var resolution = await connection.QueryAsync<CaseBreach>(new CommandDefinition(dialect.Render(ResolutionBreachesSql), parameters, cancellationToken: cancellationToken));
        return first.Concat(resolution).OrderBy(b => b.DueAt).ThenBy(b => b.CaseId).Take(limit).ToList();
    }

    private const string MarkFirstResponseSql = """
        UPDATE complaint_case SET first_response_escalated_at = @Now
        WHERE id = @Id AND first_response_escalated_at IS NULL AND first_responded_at IS NULL
          AND status IN ('open', 'investigating') AND first_response_due_at <= @Now
        """;

    private const string MarkResolutionSql = """
        UPDATE complaint_case SET resolution_escalated_at = @Now
        WHERE id = @Id AND resolution_escalated_at IS NULL
          AND status IN ('open', 'investigating') AND resolution_due_at <= @Now
        """;

    public async Task<bool> TryMarkEscalatedAsync(DbTransaction transaction, CaseBreach breach, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(breach);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction is no longer open.", nameof(transaction));
        var sql = breach.Breach == CaseBreaches.FirstResponse ? MarkFirstResponseSql : MarkResolutionSql;
        var marked = await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = breach.CaseId, Now = now }, transaction, cancellationToken: cancellationToken));
        if (marked != 1)
        {
            return false;
        }

        var entry = new CaseNote
        {
            Id = Ids.New(time),
            CaseId = breach.CaseId,
            Kind = CaseNoteKinds.Escalated,
            Body = $"{breach.Breach} due {breach.DueAt:yyyy-MM-dd HH:mm} UTC missed; escalated by email",
            AuthorId = Guid.Empty,
            AuthorName = "system",
            CreatedAt = now,
        };
        await connection.ExecuteAsync(new CommandDefinition(InsertNoteSql, Sealed(entry), transaction, cancellationToken: cancellationToken));
        return true;
    }

    /// <summary>A history entry as stored: its text encrypted.</summary>
    private CaseNote Sealed(CaseNote note) => note with { Body = cipher.Encrypt(note.Body)! };

    /// <summary>A case as read: its description decrypted.</summary>
    private ComplaintCase? Opened(ComplaintCase? complaint) =>
        complaint is null ? null : complaint with { Description = cipher.Decrypt(complaint.Description)! };

    private async Task<bool> ChangeAsync(string sql, object parameters, CaseNote entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertNoteSql, Sealed(entry), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
