using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Desk.Voice;

public sealed class DeskCallRepository(IDbConnectionFactory db, ISqlDialect dialect) : IDeskCallRepository
{
    private const string Columns = """
        call_sid, offer_id, agent_id, queue_name, status, leg, transfer_to, connected_at, ended_at, end_reason, created_at, version
        """;

    private const string FindSql = $"SELECT {Columns} FROM desk_call WHERE call_sid = @CallSid";

    public async Task<DeskCallRow?> FindAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DeskCallRow>(
            new CommandDefinition(FindSql, new { CallSid = callSid }, cancellationToken: cancellationToken));
    }

    private const string FindByOfferSql = $"SELECT {Columns} FROM desk_call WHERE offer_id = @OfferId";

    public async Task<DeskCallRow?> FindByOfferAsync(Guid offerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DeskCallRow>(
            new CommandDefinition(FindByOfferSql, new { OfferId = offerId }, cancellationToken: cancellationToken));
    }

    private const string InsertSql = $"""
        INSERT INTO desk_call ({Columns})
        VALUES (@CallSid, @OfferId, @AgentId, @QueueName, @Status, @Leg, @TransferTo, @ConnectedAt, @EndedAt, @EndReason, @CreatedAt, @Version)
        """;

    // Only an ended row gives way, and only to another offer: the same offer connecting twice is a repeat.
    private const string ReplaceEndedSql = """
        UPDATE desk_call
        SET offer_id = @OfferId, agent_id = @AgentId, queue_name = @QueueName, status = @Status, leg = @Leg,
            transfer_to = @TransferTo, connected_at = @ConnectedAt, ended_at = @EndedAt, end_reason = @EndReason,
            created_at = @CreatedAt, version = version + 1
        WHERE call_sid = @CallSid AND status = @Ended AND offer_id <> @OfferId
        """;

    public async Task<bool> TryStartAsync(DeskCallRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            var parameters = new
            {
                row.CallSid,
                row.OfferId,
                row.AgentId,
                row.QueueName,
                row.Status,
                row.Leg,
                row.TransferTo,
                row.ConnectedAt,
                row.EndedAt,
                row.EndReason,
                row.CreatedAt,
                Ended = DeskCallStatuses.Ended,
            };
            try
            {
                return await connection.ExecuteAsync(new CommandDefinition(ReplaceEndedSql, parameters, cancellationToken: cancellationToken)) == 1;
            }
            catch (DbException again) when (dialect.IsUniqueViolation(again))
            {
                // The offer already has a row of another row.
                return false;
            }
        }
    }

    private const string UpdateSql = """
        UPDATE desk_call
        SET status = @Status, leg = @Leg, transfer_to = @TransferTo, connected_at = @ConnectedAt, ended_at = @EndedAt,
            end_reason = @EndReason, version = @ExpectedVersion + 1
        WHERE call_sid = @CallSid AND offer_id = @OfferId AND version = @ExpectedVersion
        """;

    public async Task<bool> TryUpdateAsync(DeskCallRow changed, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new
        {
            changed.CallSid,
            changed.OfferId,
            changed.Status,
            changed.Leg,
            changed.TransferTo,
            changed.ConnectedAt,
            changed.EndedAt,
            changed.EndReason,
            ExpectedVersion = expectedVersion,
        };
        return await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, cancellationToken: cancellationToken)) == 1;
    }
}
