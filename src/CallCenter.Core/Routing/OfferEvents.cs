using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Wallboard;
using Dapper;

namespace CallCenter.Core.Routing;

/// <summary>
/// The queue events of an offer's life, appended in the transaction of the offer's own change (claimed, accepted,
/// ended and put back in line), so they exist exactly when that change committed. Calls and callback requests only:
/// an SMS conversation is not in a voice queue's line.
/// </summary>
internal sealed class OfferEvents(IQueueEventLog log, TimeProvider time)
{
    private const string CallJoinedSql = "SELECT COALESCE(queue_joined_at, enqueued_at) FROM queue_entry WHERE id = @Id";
    private const string CallbackJoinedSql = "SELECT created_at FROM callback_request WHERE id = @Id";

    // A call an agent transferred by name is offered (and answered) again in the same queue: marked, so figures
    // that count each caller once can leave it out.
    private const string TransferDetail = "transfer";

    /// <summary>The desk of <see cref="Offer.AgentId"/> started ringing.</summary>
    public Task OfferedAsync(DbConnection connection, DbTransaction tx, Offer offer, CancellationToken cancellationToken) =>
        AppendAsync(connection, tx, offer, QueueEventKind.Offered, offer.OfferedAt, null, cancellationToken);

    /// <summary>The agent took the work at <paramref name="at"/>: answered, after the wait since it joined its queue.</summary>
    public async Task ConnectedAsync(DbConnection connection, DbTransaction tx, Offer offer, DateTime at, CancellationToken cancellationToken)
    {
        if (!OfferEnder.IsVoice(offer))
        {
            return;
        }

        var (sql, id) = offer.Kind == WorkKind.Call ? (CallJoinedSql, offer.QueueEntryId) : (CallbackJoinedSql, offer.CallbackRequestId);
        var joined = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(sql, new { Id = id }, transaction: tx, cancellationToken: cancellationToken));
        var wait = joined is { } from && at > from ? at - from : TimeSpan.Zero;
        await AppendAsync(connection, tx, offer, QueueEventKind.Connected, at, wait, cancellationToken);
    }

    /// <summary>A ringing offer ended without connecting and its work went back in line.</summary>
    public Task ReturnedAsync(DbConnection connection, DbTransaction tx, Offer offer, OfferStatus status, DateTime at, CancellationToken cancellationToken) =>
        AppendAsync(connection, tx, offer, status switch
        {
            OfferStatus.Declined => QueueEventKind.OfferDeclined,
            OfferStatus.TimedOut => QueueEventKind.RingNoAnswer,
            _ => QueueEventKind.OfferWithdrawn,
        }, at, null, cancellationToken);

    private async Task AppendAsync(
        DbConnection connection, DbTransaction tx, Offer offer, QueueEventKind kind, DateTime at, TimeSpan? wait, CancellationToken cancellationToken)
    {
        if (!OfferEnder.IsVoice(offer))
        {
            return;
        }

        await log.AppendAsync(
            connection, tx,
            new QueueEvent
            {
                Id = Ids.New(time), QueueName = offer.QueueName, Kind = kind, CallSid = offer.CallSid, QueueEntryId = offer.QueueEntryId,
                CallbackRequestId = offer.CallbackRequestId, AgentId = offer.AgentId, Wait = wait,
                Detail = offer.TransferredBy.HasValue && kind is QueueEventKind.Offered or QueueEventKind.Connected ? TransferDetail : null,
                OccurredAt = at,
            },
            cancellationToken);
    }
}
