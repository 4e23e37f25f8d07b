using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Scheduling;

internal sealed class WaitlistRepository(IDbConnectionFactory db, ISqlDialect dialect) : IWaitlistRepository
{
    private const string Columns = "id, slot_id, patient_id, status, note, created_at";

    private const string InsertSql = """
        INSERT INTO waitlist_entry (id, slot_id, patient_id, status, note, created_at)
        VALUES (@Id, @SlotId, @PatientId, @Status, @Note, @CreatedAt)
        """;

    public async Task<bool> TryAddAsync(WaitlistEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, entry, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private const string FindSql = $"SELECT {Columns} FROM waitlist_entry WHERE id = @Id";

    public async Task<WaitlistEntry?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WaitlistEntry>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    // IDs are time-ordered (Guid v7) but engines sort uuids differently; created_at decides, the ID only breaks ties.
    private const string ListSql = $"SELECT {Columns} FROM waitlist_entry WHERE slot_id = @SlotId ORDER BY created_at, id";

    public async Task<IReadOnlyList<WaitlistEntry>> ListForSlotAsync(Guid slotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WaitlistEntry>(new CommandDefinition(ListSql, new { SlotId = slotId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string DeleteSql = "DELETE FROM waitlist_entry WHERE id = @Id";

    public async Task<bool> RemoveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = id }, cancellationToken: cancellationToken)) == 1;
    }
}
