using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Audit;

internal sealed class AuditLog(IDbConnectionFactory db, ISqlDialect dialect, TimeProvider time) : IAuditLog
{
    private const string InsertSql = """
        INSERT INTO audit_entry (id, occurred_at, user_id, user_name, operation, patient_id, outcome, detail)
        VALUES (@Id, @OccurredAt, @UserId, @UserName, @Operation, @PatientId, @Outcome, @Detail)
        """;

    public async Task WriteAsync(Actor actor, string operation, Guid? patientId, string outcome, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entry = new AuditEntry
        {
            Id = Ids.New(time),
            OccurredAt = time.GetUtcNow().UtcDateTime,
            UserId = actor.UserId == Guid.Empty ? null : actor.UserId,
            UserName = actor.UserName,
            Operation = operation,
            PatientId = patientId,
            Outcome = outcome,
            Detail = Detail(actor, detail),
        };

        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, entry, cancellationToken: cancellationToken));
    }

    public async Task WriteManyAsync(Actor actor, string operation, IReadOnlyCollection<Guid> patientIds, string outcome, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(patientIds);
        if (patientIds.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var entries = patientIds.Select(patientId => new AuditEntry
        {
            Id = Ids.New(time),
            OccurredAt = now,
            UserId = actor.UserId == Guid.Empty ? null : actor.UserId,
            UserName = actor.UserName,
            Operation = operation,
            PatientId = patientId,
            Outcome = outcome,
            Detail = Detail(actor, detail),
        }).ToList();

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, entries, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    // The IVR's rows name the call they were written for (the CallSid is not personal data), first, so truncation keeps it.
    private static string? Detail(Actor actor, string? detail)
    {
        if (actor == Actor.Ivr && Ivr.IvrCallScope.CallSid is { } callSid && detail?.Contains(callSid, StringComparison.Ordinal) != true)
        {
            detail = detail is null ? $"call {callSid}" : $"call {callSid}; {detail}";
        }

        return detail is { Length: > 500 } ? detail[..500] : detail;
    }

    // Each filter is optional: "@X IS NULL OR column = @X" keeps one statement valid on every engine.
    private const string QuerySql = $"""
        SELECT id, occurred_at, user_id, user_name, operation, patient_id, outcome, detail
        FROM audit_entry
        WHERE (@PatientId IS NULL OR patient_id = @PatientId)
          AND (@UserId IS NULL OR user_id = @UserId)
          AND (@From IS NULL OR occurred_at >= @From)
          AND (@To IS NULL OR occurred_at < @To)
        ORDER BY occurred_at DESC, id DESC
        {SqlMarkers.Page}
        """;

    public async Task<Page<AuditEntry>> QueryAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters(new { page.Skip, Take = page.Take + 1 })
            .AddFilter(nameof(query.PatientId), query.PatientId)
            .AddFilter(nameof(query.UserId), query.UserId)
            .AddFilter(nameof(query.From), query.From)
            .AddFilter(nameof(query.To), query.To);
        var rows = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            dialect.Render(QuerySql), parameters, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), page);
    }
}
