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

    // The callback job's work: a callback request of the desk, due at the promised time, owned by the agent who
    // promised it, with the note as its reason; its place in line is its due time.
    private const string InsertRequestSql = """
        INSERT INTO callback_request (id, call_sid, queue_name, number, patient_id, language, priority, place_enqueued_at, status,
                                      created_at, place_at, source, due_at, reason, agent_id, scheduled_callback_id, attempts, version, updated_at)
        VALUES (@RequestId, @CallSid, @QueueName, @Number, @PatientId, @Language, 0, @DueAt, 'scheduled',
                @CreatedAt, @DueAt, 'desk', @DueAt, @Note, @CreatedBy, @Id, 0, 0, @CreatedAt)
        """;

    public async Task AddAsync(ScheduledCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, callback, transaction: tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            InsertRequestSql,
            new
            {
                RequestId = callback.Id,
                CallSid = "callback:" + callback.Id.ToString("D"),
                callback.QueueName,
                callback.Number,
                callback.PatientId,
                callback.Language,
                callback.DueAt,
                callback.CreatedAt,
                callback.Note,
                callback.CreatedBy,
                callback.Id,
            },
            transaction: tx,
            cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
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
