using CallCenter.Core.Queues;
using Dapper;

namespace CallCenter.Core.Routing;

/// <summary>Work moved by hand or by rule (transfers, requeues, overflow), conversations closed, callers linked, and lookups.</summary>
internal sealed partial class RoutingEngine
{
    // A transfer may take a call that waits in line or one an agent is on (the transferring agent's).
    private const string TransferableSql = """
        SELECT id, queue_name, call_sid, patient_id, caller_number, language, skills, place_at, enqueued_at AS waiting_since
        FROM queue_entry WHERE call_sid = @CallSid AND status IN ('waiting', 'bridged')
        """;

    public async Task<Offer?> OfferToAgentAsync(string callSid, Guid agentId, Guid transferredBy, string? note, CancellationToken cancellationToken = default)
    {
        WorkItem? work;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            work = await connection.QuerySingleOrDefaultAsync<WorkItem>(new CommandDefinition(
                TransferableSql, new { CallSid = callSid }, cancellationToken: cancellationToken));
        }

        if (work is null)
        {
            return null;
        }

        // The same conditional claim routing makes; a refused transfer leaves the call where it was.
        var (claim, offer) = await TryClaimAsync(work with { Kind = WorkKind.Call }, agentId, reserveAgent: true, transferredBy, note, cancellationToken);
        return claim == Claim.Made ? offer : null;
    }

    private const string RequeueSql = """
        UPDATE queue_entry
        SET queue_name = @QueueName, status = 'waiting', agent_id = NULL, answered_at = NULL, ended_at = NULL, end_reason = NULL,
            queue_joined_at = @At
        WHERE call_sid = @CallSid AND status IN ('bridged', 'waiting')
          AND EXISTS (SELECT 1 FROM call_queue WHERE name = @QueueName)
        """;

    public async Task<bool> RequeueAsync(string callSid, string queueName, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            RequeueSql, new { CallSid = callSid, QueueName = queueName, At = Now }, cancellationToken: cancellationToken)) == 1;
    }

    // Only calls still waiting overflow: one ringing at an agent is given its chance first.
    private const string OverdueSql = """
        SELECT id, call_sid, queue_name, language, queue_joined_at FROM queue_entry WHERE status = 'waiting' AND queue_name = @QueueName
          AND queue_joined_at <= @Before
        ORDER BY place_at, call_sid
        """;

    private const string OverflowToQueueSql = """
        UPDATE queue_entry SET queue_name = @ToQueue, queue_joined_at = @At WHERE id = @Id AND status = 'waiting' AND queue_name = @FromQueue
        """;

    private const string OverflowOutSql = """
        UPDATE queue_entry SET status = 'overflowed', ended_at = @At, end_reason = @Reason WHERE id = @Id AND status = 'waiting' AND queue_name = @FromQueue
        """;

    public async Task<IReadOnlyList<OverflowAction>> OverflowAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var actions = new List<OverflowAction>();
        var all = await queues.ListAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        foreach (var queue in all)
        {
            if (queue.OverflowKind == QueueOverflowKind.None || (queue.OverflowKind == QueueOverflowKind.Queue && queue.OverflowQueue is null))
            {
                continue;
            }

            var overdue = await connection.QueryAsync<OverdueRow>(new CommandDefinition(
                OverdueSql, new { QueueName = queue.Name, Before = now.AddSeconds(-queue.MaxWaitSeconds) }, cancellationToken: cancellationToken));
            foreach (var entry in overdue)
            {
                var (sql, kind) = queue.OverflowKind switch
                {
                    QueueOverflowKind.Queue => (OverflowToQueueSql, OverflowKind.Queue),
                    QueueOverflowKind.Voicemail => (OverflowOutSql, OverflowKind.Voicemail),
                    _ => (OverflowOutSql, OverflowKind.Callback),
                };
                var parameters = new { entry.Id, FromQueue = queue.Name, ToQueue = queue.OverflowQueue, At = now, Reason = "overflow-" + kind.ToString().ToLowerInvariant() };

                // Conditional on still waiting in this queue: a second hub overflowing the same call changes nothing.
                if (await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) == 1)
                {
                    actions.Add(new OverflowAction(entry.CallSid, queue.Name, kind, kind == OverflowKind.Queue ? queue.OverflowQueue : null, entry.Language));
                }
            }
        }

        return actions;
    }

    private const string CloseSql = """
        UPDATE conversation SET status = 'closed' WHERE id = @Id AND agent_id = @AgentId AND routing_status = 'assigned' AND status = 'open'
        """;

    private const string ClosedByAgentSql = "SELECT COUNT(*) FROM conversation WHERE id = @Id AND agent_id = @AgentId AND status = 'closed'";

    public async Task<bool> CloseConversationAsync(Guid conversationId, Guid agentId, CancellationToken cancellationToken = default)
    {
        var parameters = new { Id = conversationId, AgentId = agentId };
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(CloseSql, parameters, cancellationToken: cancellationToken)) == 1)
        {
            return true;
        }

        // A repeated close by the same agent is a success that changes nothing.
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(ClosedByAgentSql, parameters, cancellationToken: cancellationToken)) > 0;
    }

    private const string LinkOfferSql = """
        UPDATE offer SET patient_id = @PatientId WHERE id = @Id AND (patient_id IS NULL OR patient_id = @PatientId)
        """;

    public async Task<bool> LinkPatientAsync(Guid offerId, Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var offer = await OfferRepository.FindAsync(connection, tx, offerId, cancellationToken);
        var linked = offer is not null && await connection.ExecuteAsync(new CommandDefinition(
            LinkOfferSql, new { Id = offerId, PatientId = patientId }, transaction: tx, cancellationToken: cancellationToken)) == 1;
        if (!linked)
        {
            // No such offer, or its caller is already someone else: a link never silently replaces another.
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await WorkRows.LinkPatientAsync(connection, tx, offer!, patientId, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public Task<Offer?> FindAsync(Guid offerId, CancellationToken cancellationToken = default) => offers.FindAsync(offerId, cancellationToken);

    public Task<IReadOnlyList<Offer>> RingingForAgentAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        offers.RingingForAgentAsync(agentId, cancellationToken);

    public Task<Offer?> AcceptedForCallAsync(string callSid, CancellationToken cancellationToken = default) =>
        offers.AcceptedForCallAsync(callSid, cancellationToken);

    public Task<IReadOnlyList<Offer>> HeldConversationsAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        offers.HeldConversationsAsync(agentId, cancellationToken);

    private sealed record OverdueRow
    {
        public Guid Id { get; init; }
        public string CallSid { get; init; } = "";
        public string QueueName { get; init; } = "";
        public string Language { get; init; } = "";
    }
}
