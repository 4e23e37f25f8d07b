using System.Data.Common;
using CallCenter.Core.Agents;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Wallboard;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Routing;

/// <summary>
/// Makes one offer: the work from waiting to offered, the agent from available to reserved (calls), the offer
/// written, its <c>offered</c> queue event appended, all in one transaction, each step conditional. Any step that finds its row already taken rolls the
/// whole claim back, so routing and transfers in any number of processes can claim the same rows at once.
/// </summary>
internal sealed class OfferClaims(
    IDbConnectionFactory db,
    ISqlDialect dialect,
    AgentStatusRepository statuses,
    OfferEvents events,
    IWallboardSignal wallboard,
    IOptions<RoutingOptions> options,
    TimeProvider time,
    ILogger<OfferClaims> logger)
{
    private const string TouchProfileSql = "UPDATE agent_profile SET last_offered_at = @At WHERE user_id = @AgentId";

    private const string HeldCountSql = """
        SELECT COUNT(*) FROM conversation WHERE agent_id = @AgentId AND routing_status = 'assigned' AND status = 'open'
        """;

    private const string SmsCapacitySql = "SELECT sms_capacity FROM agent_profile WHERE user_id = @AgentId";

    /// <summary>
    /// Offers the work to the agent. A call reserves the agent (<paramref name="reserveAgent"/>); a conversation
    /// only needs room under the agent's SMS capacity. A transfer (<paramref name="transferredBy"/>) may take a call
    /// an agent is on.
    /// </summary>
    public async Task<(Claim, Offer?)> TryClaimAsync(
        WorkItem work, Guid agentId, bool reserveAgent, Guid? transferredBy, string? note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var offer = new Offer
        {
            Id = Ids.New(time), Kind = work.Kind, QueueName = work.QueueName, AgentId = agentId,
            QueueEntryId = work.Kind == WorkKind.Call ? work.Id : null,
            CallbackRequestId = work.Kind == WorkKind.Callback ? work.Id : null,
            ConversationId = work.Kind == WorkKind.Conversation ? work.Id : null,
            CallSid = work.CallSid, PatientId = work.PatientId, CallerNumber = work.CallerNumber, Language = work.Language,
            WaitingSince = work.WaitingSince, Status = OfferStatus.Ringing, OfferedAt = now, ExpiresAt = now.AddSeconds(options.Value.OfferTimeoutSeconds),
            TransferredBy = transferredBy, TransferNote = note,
        };

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            if (!await WorkRows.ClaimAsync(connection, tx, work.Kind, work.Id, transferredBy.HasValue, cancellationToken))
            {
                await tx.RollbackAsync(cancellationToken);
                return (Claim.WorkTaken, null);
            }

            var agentFree = reserveAgent
                ? await statuses.TryReserveAsync(connection, tx, agentId, now, cancellationToken)
                : await HasSmsRoomAsync(connection, tx, agentId, cancellationToken);
            if (!agentFree)
            {
                await tx.RollbackAsync(cancellationToken);
                return (Claim.AgentTaken, null);
            }

            await OfferRepository.InsertAsync(connection, tx, offer, cancellationToken);
            await events.OfferedAsync(connection, tx, offer, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(TouchProfileSql, new { AgentId = agentId, At = now }, transaction: tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            wallboard.Changed();
            return (Claim.Made, offer);
        }
        catch (DbException ex) when (dialect.IsLostRace(ex))
        {
            // The unique indexes on ringing offers are the last guard; a deadlock or a busy database is the engine
            // choosing this claim to lose. Either way another router got there first and nothing here changed.
            await tx.RollbackAsync(cancellationToken);
            logger.LogDebug("Routing claim of {WorkId} for {AgentId} lost a race", work.Id, agentId);
            return (Claim.AgentTaken, null);
        }
    }

    private async Task<bool> HasSmsRoomAsync(DbConnection connection, DbTransaction tx, Guid agentId, CancellationToken cancellationToken)
    {
        var held = await connection.ExecuteScalarAsync<long>(new CommandDefinition(HeldCountSql, new { AgentId = agentId }, transaction: tx, cancellationToken: cancellationToken));
        var capacity = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(SmsCapacitySql, new { AgentId = agentId }, transaction: tx, cancellationToken: cancellationToken));
        return held < (capacity ?? options.Value.DefaultSmsCapacity);
    }
}
