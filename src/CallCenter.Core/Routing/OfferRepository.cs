using System.Data.Common;
using Dapper;
using CallCenter.Core.Data;

namespace CallCenter.Core.Routing;

/// <summary>
/// Offers as stored; the reads the desk needs are <see cref="IOfferReader"/>. The writes take the caller's transaction:
/// an offer never changes apart from its work and agent.
/// </summary>
internal sealed class OfferRepository(IDbConnectionFactory db) : IOfferReader
{
    private const string FindSql = $"SELECT {OfferRow.Columns} FROM offer WHERE id = @Id";

    public async Task<Offer?> FindAsync(Guid offerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, offerId, cancellationToken);
    }

    public static async Task<Offer?> FindAsync(DbConnection connection, DbTransaction? tx, Guid offerId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<OfferRow>(
            new CommandDefinition(FindSql, new { Id = offerId }, transaction: tx, cancellationToken: cancellationToken));
        return row?.ToOffer();
    }

    private const string RingingForAgentSql = $"SELECT {OfferRow.Columns} FROM offer WHERE agent_id = @AgentId AND status = 'ringing' ORDER BY offered_at, id";

    public Task<IReadOnlyList<Offer>> RingingForAgentAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        ListAsync(RingingForAgentSql, new { AgentId = agentId }, cancellationToken);

    private const string ExpiredSql = $"SELECT {OfferRow.Columns} FROM offer WHERE status = 'ringing' AND expires_at <= @Now ORDER BY expires_at, id";

    public Task<IReadOnlyList<Offer>> ExpiredAsync(DateTime now, CancellationToken cancellationToken) =>
        ListAsync(ExpiredSql, new { Now = now }, cancellationToken);

    private const string AcceptedForCallSql = $"""
        SELECT {OfferRow.Columns} FROM offer
        WHERE call_sid = @CallSid AND status = 'accepted' AND kind IN ('call', 'callback')
        ORDER BY offered_at DESC, id DESC
        """;

    public async Task<Offer?> AcceptedForCallAsync(string callSid, CancellationToken cancellationToken = default) =>
        (await ListAsync(AcceptedForCallSql, new { CallSid = callSid }, cancellationToken)) is [var first, ..] ? first : null;

    private const string RingingForCallSql = $"""
        SELECT {OfferRow.Columns} FROM offer WHERE call_sid = @CallSid AND status = 'ringing' AND kind = 'call'
        """;

    public Task<IReadOnlyList<Offer>> RingingForCallAsync(string callSid, CancellationToken cancellationToken) =>
        ListAsync(RingingForCallSql, new { CallSid = callSid }, cancellationToken);

    private const string HeldConversationsSql = """
        SELECT o.id, o.kind, o.queue_name, o.agent_id, o.queue_entry_id, o.callback_request_id, o.conversation_id, o.call_sid,
               c.patient_id, o.caller_number, o.language, o.waiting_since, o.status, o.offered_at, o.expires_at, o.ended_at,
               o.end_reason, o.transferred_by, o.transfer_note
        FROM offer o JOIN conversation c ON c.id = o.conversation_id
        WHERE o.agent_id = @AgentId AND o.status = 'accepted' AND o.kind = 'conversation'
          AND c.agent_id = @AgentId AND c.routing_status = 'assigned' AND c.status = 'open'
        ORDER BY o.offered_at, o.id
        """;

    public Task<IReadOnlyList<Offer>> HeldConversationsAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        ListAsync(HeldConversationsSql, new { AgentId = agentId }, cancellationToken);

    private const string InsertSql = """
        INSERT INTO offer (id, kind, queue_name, agent_id, queue_entry_id, callback_request_id, conversation_id, call_sid, patient_id,
                           caller_number, language, waiting_since, status, offered_at, expires_at, ended_at, end_reason,
                           transferred_by, transfer_note)
        VALUES (@Id, @Kind, @QueueName, @AgentId, @QueueEntryId, @CallbackRequestId, @ConversationId, @CallSid, @PatientId,
                @CallerNumber, @Language, @WaitingSince, @Status, @OfferedAt, @ExpiresAt, NULL, NULL, @TransferredBy, @TransferNote)
        """;

    public static Task InsertAsync(DbConnection connection, DbTransaction tx, Offer offer, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, OfferRow.From(offer), transaction: tx, cancellationToken: cancellationToken));

    // The condition on status is the lock: of an accept racing a timeout (or two hubs expiring) exactly one ends it.
    private const string EndRingingSql = """
        UPDATE offer SET status = @Status, ended_at = @At, end_reason = @Reason WHERE id = @Id AND status = 'ringing'
        """;

    public static async Task<bool> EndRingingAsync(
        DbConnection connection, DbTransaction tx, Guid offerId, OfferStatus status, string reason, DateTime at, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            EndRingingSql, new { Id = offerId, Status = status.ToCode(), Reason = reason, At = at }, transaction: tx, cancellationToken: cancellationToken)) == 1;

    private async Task<IReadOnlyList<Offer>> ListAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OfferRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToOffer()).ToList();
    }
}
