using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Desk.Data;

public sealed class ScheduledCallbackRepository(IDbConnectionFactory db) : IScheduledCallbackRepository
{
    public const string Scheduled = "scheduled";
    public const int MaxNoteLength = 500;

    private const string InsertSql = """
        INSERT INTO scheduled_callback (id, patient_id, number, due_at, note, offer_id, status, created_by, created_at)
        VALUES (@Id, @PatientId, @Number, @DueAt, @Note, @OfferId, @Status, @CreatedBy, @CreatedAt)
        """;

    public async Task AddAsync(ScheduledCallback callback, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, callback, cancellationToken: cancellationToken));
    }

    private const string FindSql = """
        SELECT id, patient_id, number, due_at, note, offer_id, status, created_by, created_at
        FROM scheduled_callback WHERE id = @Id
        """;

    public async Task<ScheduledCallback?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ScheduledCallback>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }
}
