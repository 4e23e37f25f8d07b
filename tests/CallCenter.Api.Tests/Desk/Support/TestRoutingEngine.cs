using CallCenter.Core.Agents;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>
/// TEST DOUBLE, registered only while the real <see cref="IRoutingEngine"/> (the routing helper's) is not in the
/// build: waiting calls read from queue_entry, offers kept in memory (one process), agents moved through the real
/// <see cref="AgentStateService"/>. Longest-idle first; an agent who missed or declined a call gets it again only
/// when no one else can. Conversations are offered like calls (no SMS capacity); no overflow, no skills.
/// </summary>
internal sealed partial class TestRoutingEngine(
    IDbConnectionFactory db, IQueueRepository queues, AgentStateService agents, IOptions<RoutingOptions> options, TimeProvider time) : IRoutingEngine, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<Offer> _offers = [];
    private readonly Dictionary<string, HashSet<Guid>> _refused = [];

    private const string WaitingSql = """
        SELECT id, queue_name, call_sid, patient_id, caller_number, priority, skills, language, status, enqueued_at
        FROM queue_entry WHERE status = 'waiting' ORDER BY priority DESC, enqueued_at, id
        """;

    private const string OpenConversationsSql = "SELECT id, phone, patient_id, opened_at FROM conversation WHERE status = 'open' ORDER BY opened_at, id";

    public async Task<IReadOnlyList<Offer>> RouteAsync(IReadOnlyCollection<Guid> connectedAgents, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var waiting = (await connection.QueryAsync<QueueEntry>(new CommandDefinition(WaitingSql, cancellationToken: cancellationToken))).AsList();
        var conversations = await connection.QueryAsync<OpenConversation>(new CommandDefinition(OpenConversationsSql, cancellationToken: cancellationToken));

        // A conversation waits like a call: as a queue entry of the SMS queue, keyed by its ID.
        waiting.AddRange(conversations.Select(c => new QueueEntry
        {
            Id = c.Id, QueueName = options.Value.SmsQueue, CallSid = c.Id.ToString(), PatientId = c.PatientId, CallerNumber = c.Phone,
            Language = "zh-CN", Status = "conversation", EnqueuedAt = c.OpenedAt,
        }));
        return await LockedAsync(async () =>
        {
            var made = new List<Offer>();
            foreach (var entry in waiting.Where(e => !_offers.Any(o => Key(o) == e.CallSid && (o.Status == OfferStatus.Ringing || (o.ConversationId is not null && o.Status == OfferStatus.Accepted)))))
            {
                var free = new List<AgentStatus>();
                foreach (var agentId in connectedAgents)
                {
                    if (await agents.GetAsync(agentId, cancellationToken) is { State: AgentState.Available } status)
                    {
                        free.Add(status);
                    }
                }

                var refused = _refused.GetValueOrDefault(entry.CallSid) ?? [];
                foreach (var agent in free.OrderBy(s => refused.Contains(s.UserId)).ThenBy(s => s.Since))
                {
                    if (await agents.TryReserveAsync(agent.UserId, cancellationToken))
                    {
                        made.Add(Add(NewOffer(entry, agent.UserId)));
                        break;
                    }
                }
            }

            return (IReadOnlyList<Offer>)made;
        });
    }

    public Task<Offer?> OfferToAgentAsync(string callSid, Guid agentId, Guid transferredBy, string? note, CancellationToken cancellationToken = default) =>
        LockedAsync(async () =>
        {
            var current = _offers.LastOrDefault(o => o.CallSid == callSid && o.Status == OfferStatus.Accepted);
            if (current is null || !await agents.TryReserveAsync(agentId, cancellationToken))
            {
                return null;
            }

            var now = Now;
            return Add(current with
            {
                Id = Ids.New(time), AgentId = agentId, Status = OfferStatus.Ringing, OfferedAt = now,
                ExpiresAt = now.AddSeconds(options.Value.OfferTimeoutSeconds), TransferredBy = transferredBy, TransferNote = note,
            });
        });

    public Task<OfferResult> AcceptAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default) =>
        AnswerAsync(offerId, agentId, OfferStatus.Accepted, AgentEventKind.OfferAccepted, cancellationToken);

    public Task<OfferResult> DeclineAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default) =>
        AnswerAsync(offerId, agentId, OfferStatus.Declined, AgentEventKind.OfferDeclined, cancellationToken);

    public Task<IReadOnlyList<Offer>> ExpireAsync(CancellationToken cancellationToken = default) =>
        EndRingingAsync(o => o.ExpiresAt <= Now, OfferStatus.TimedOut, "rang-out", AgentEventKind.OfferTimedOut, cancellationToken);

    public Task<IReadOnlyList<Offer>> WithdrawForAgentAsync(Guid agentId, string reason, CancellationToken cancellationToken = default) =>
        EndRingingAsync(o => o.AgentId == agentId, OfferStatus.Withdrawn, reason, AgentEventKind.OfferDeclined, cancellationToken);

    public async Task<Offer?> WithdrawForCallAsync(string callSid, string reason, CancellationToken cancellationToken = default) =>
        (await EndRingingAsync(o => o.CallSid == callSid, OfferStatus.Withdrawn, reason, AgentEventKind.OfferDeclined, cancellationToken)) is [var first, ..] ? first : null;

    private const string RequeueSql = """
        UPDATE queue_entry SET status = 'waiting', queue_name = @Queue, ended_at = NULL, end_reason = NULL WHERE call_sid = @CallSid
        """;

    public async Task<bool> RequeueAsync(string callSid, string queueName, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(RequeueSql, new { CallSid = callSid, Queue = queueName }, cancellationToken: cancellationToken)) == 1;
    }

    public Task<IReadOnlyList<OverflowAction>> OverflowAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<OverflowAction>>([]);

    private const string CloseSql = "UPDATE conversation SET status = 'closed' WHERE id = @Id AND status = 'open'";

    public async Task<bool> CloseConversationAsync(Guid conversationId, Guid agentId, CancellationToken cancellationToken = default)
    {
        if (!_offers.Any(o => o.ConversationId == conversationId && o.AgentId == agentId && o.Status == OfferStatus.Accepted))
        {
            return false;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CloseSql, new { Id = conversationId }, cancellationToken: cancellationToken));
        return true;
    }

    public Task<bool> LinkPatientAsync(Guid offerId, Guid patientId, CancellationToken cancellationToken = default) =>
        LockedAsync(() => Task.FromResult(Replace(offerId, o => o with { PatientId = patientId }) is not null));

    public Task<Offer?> FindAsync(Guid offerId, CancellationToken cancellationToken = default) =>
        LockedAsync(() => Task.FromResult(_offers.FirstOrDefault(o => o.Id == offerId)));

    public Task<IReadOnlyList<Offer>> RingingForAgentAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        LockedAsync(() => Task.FromResult<IReadOnlyList<Offer>>(_offers.Where(o => o.AgentId == agentId && o.Status == OfferStatus.Ringing).ToList()));

    public Task<Offer?> AcceptedForCallAsync(string callSid, CancellationToken cancellationToken = default) =>
        LockedAsync(() => Task.FromResult(_offers.LastOrDefault(o => o.CallSid == callSid && o.Status == OfferStatus.Accepted)));

    public Task<IReadOnlyList<Offer>> HeldConversationsAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Offer>>([]);

    private async Task<OfferResult> AnswerAsync(Guid offerId, Guid agentId, OfferStatus to, AgentEventKind agentEvent, CancellationToken cancellationToken) =>
        await LockedAsync(async () =>
        {
            var offer = _offers.FirstOrDefault(o => o.Id == offerId);
            if (offer is null || offer.AgentId != agentId || offer.Status != OfferStatus.Ringing)
            {
                var outcome = offer is null ? OfferOutcome.NotFound : offer.AgentId != agentId ? OfferOutcome.NotYours : OfferOutcome.NotRinging;
                return new OfferResult(outcome, offer);
            }

            await agents.ApplyAsync(agentId, AgentEvent.Of(agentEvent), AgentEventSource.System, cancellationToken);
            if (to == OfferStatus.Accepted && offer.CallSid is not null)
            {
                await queues.EndAsync(offer.CallSid!, QueueStatuses.Bridged, "answered", Now, cancellationToken);
            }
            else
            {
                Refuse(offer);
            }

            return new OfferResult(OfferOutcome.Applied, Replace(offerId, o => o with { Status = to, EndedAt = to == OfferStatus.Accepted ? null : Now }));
        });

    private Task<IReadOnlyList<Offer>> EndRingingAsync(
        Func<Offer, bool> which, OfferStatus to, string reason, AgentEventKind agentEvent, CancellationToken cancellationToken) =>
        LockedAsync(async () =>
        {
            var ended = new List<Offer>();
            foreach (var offer in _offers.Where(o => o.Status == OfferStatus.Ringing && which(o)).ToList())
            {
                await agents.ApplyAsync(offer.AgentId, AgentEvent.Of(agentEvent), AgentEventSource.System, cancellationToken);
                Refuse(offer);
                ended.Add(Replace(offer.Id, o => o with { Status = to, EndedAt = Now, EndReason = reason })!);
            }

            return (IReadOnlyList<Offer>)ended;
        });
}

internal sealed record OpenConversation
{
    public Guid Id { get; init; }
    public string Phone { get; init; } = string.Empty;
    public Guid? PatientId { get; init; }
    public DateTime OpenedAt { get; init; }
}
