using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Api.Desk.Voice;

/// <summary>The voice path's calls. Every change is conditional on the row's version, so of two webhooks racing exactly one moves the call.</summary>
internal interface IDeskCallRepository
{
    Task<DeskCallRow?> FindAsync(string callSid, CancellationToken cancellationToken = default);

    Task<DeskCallRow?> FindByOfferAsync(Guid offerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new call, or replaces the call's ended row (a caller sent back in line meets the next agent). False,
    /// with nothing changed, when the call is still with an agent or the offer already has a row.
    /// </summary>
    Task<bool> TryStartAsync(DeskCallRow call, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="next"/> (its version ignored) only if the row is still at <paramref name="expectedVersion"/>.</summary>
    Task<bool> TryUpdateAsync(DeskCallRow next, int expectedVersion, CancellationToken cancellationToken = default);
}

internal sealed class DeskCallRepository(IDbConnectionFactory db, ISqlDialect dialect) : IDeskCallRepository
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

    public async Task<bool> TryStartAsync(DeskCallRow call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, call, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            var parameters = new
            {
                call.CallSid,
                call.OfferId,
                call.AgentId,
                call.QueueName,
                call.Status,
                call.Leg,
                call.TransferTo,
                call.ConnectedAt,
                call.EndedAt,
                call.EndReason,
                call.CreatedAt,
                Ended = DeskCallStatuses.Ended,
            };
            try
            {
                return await connection.ExecuteAsync(new CommandDefinition(ReplaceEndedSql, parameters, cancellationToken: cancellationToken)) == 1;
            }
            catch (DbException again) when (dialect.IsUniqueViolation(again))
            {
                // The offer already has a row of another call.
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

    public async Task<bool> TryUpdateAsync(DeskCallRow next, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new
        {
            next.CallSid,
            next.OfferId,
            next.Status,
            next.Leg,
            next.TransferTo,
            next.ConnectedAt,
            next.EndedAt,
            next.EndReason,
            ExpectedVersion = expectedVersion,
        };
        return await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, cancellationToken: cancellationToken)) == 1;
    }
}
