using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Routing;

/// <summary>
/// What one routing pass reads: the line, the agents with what the strategies rank by, and who already turned
/// each piece of work down. Read without locks: every claim re-checks under the row lock.
/// </summary>
internal sealed class RoutingReader(IDbConnectionFactory db)
{
    private const string WaitingCallsSql = """
        SELECT id, queue_name, call_sid, patient_id, caller_number, language, skills, place_at, enqueued_at AS waiting_since
        FROM queue_entry WHERE status = 'waiting'
        """;

    // A callback request needs what its call needed: the skills come from the call's entry.
    private const string WaitingCallbacksSql = """
        SELECT c.id, c.queue_name, c.call_sid, c.patient_id, c.number AS caller_number, c.language, e.skills, c.place_at,
               c.place_enqueued_at AS waiting_since
        FROM callback_request c LEFT JOIN queue_entry e ON e.call_sid = c.call_sid
        WHERE c.status = 'requested'
        """;

    /// <summary>Calls and callback requests in line, in the line's one order: place, then call SID.</summary>
    public async Task<IReadOnlyList<WorkItem>> WaitingCallsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var calls = await connection.QueryAsync<WorkItem>(new CommandDefinition(WaitingCallsSql, cancellationToken: cancellationToken));
        var callbacks = await connection.QueryAsync<WorkItem>(new CommandDefinition(WaitingCallbacksSql, cancellationToken: cancellationToken));
        return calls.Select(c => c with { Kind = WorkKind.Call })
            .Concat(callbacks.Select(c => c with { Kind = WorkKind.Callback }))
            .OrderBy(w => w.PlaceAt).ThenBy(w => w.CallSid, StringComparer.Ordinal)
            .ToList();
    }

    private const string WaitingConversationsSql = """
        SELECT id, phone AS caller_number, patient_id, opened_at AS place_at, opened_at AS waiting_since
        FROM conversation WHERE status = 'open' AND routing_status = 'waiting'
        ORDER BY opened_at, id
        """;

    public async Task<IReadOnlyList<WorkItem>> WaitingConversationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkItem>(new CommandDefinition(WaitingConversationsSql, cancellationToken: cancellationToken));
        return rows.Select(c => c with { Kind = WorkKind.Conversation }).ToList();
    }

    private const string AgentsSql = """
        SELECT s.user_id, s.state, s.since, p.sms_capacity, p.last_offered_at
        FROM agent_status s
        INNER JOIN app_user u ON u.id = s.user_id
        LEFT JOIN agent_profile p ON p.user_id = s.user_id
        WHERE s.state <> 'offline' AND u.is_disabled = @Disabled
        """;

    private const string SkillsSql = "SELECT user_id, skill, proficiency FROM agent_skill";

    private const string CallsSinceSql = """
        SELECT agent_id, COUNT(*) AS n FROM offer
        WHERE status = 'accepted' AND kind IN ('call', 'callback') AND offered_at >= @Since
        GROUP BY agent_id
        """;

    private const string HeldSql = """
        SELECT agent_id, COUNT(*) AS n FROM conversation WHERE status = 'open' AND routing_status = 'assigned' AND agent_id IS NOT NULL
        GROUP BY agent_id
        """;

    private const string ConversationRingingSql = "SELECT agent_id FROM offer WHERE status = 'ringing' AND kind = 'conversation'";

    /// <summary>The connected agents that are signed on (a disabled account never is, whatever its desk), with skills, calls taken since <paramref name="callsSince"/> and SMS load.</summary>
    public async Task<List<AgentCandidate>> AgentsAsync(IReadOnlyCollection<Guid> connected, DateTime callsSince, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var agents = (await connection.QueryAsync<AgentCandidate>(new CommandDefinition(AgentsSql, new { Disabled = false }, cancellationToken: cancellationToken)))
            .Where(a => connected.Contains(a.UserId)).ToList();
        if (agents.Count == 0)
        {
            return agents;
        }

        var skills = (await connection.QueryAsync<SkillRow>(new CommandDefinition(SkillsSql, cancellationToken: cancellationToken)))
            .ToLookup(s => s.UserId);
        var calls = await CountsAsync(connection, CallsSinceSql, new { Since = callsSince }, cancellationToken);
        var held = await CountsAsync(connection, HeldSql, null, cancellationToken);
        var ringing = (await connection.QueryAsync<Guid>(new CommandDefinition(ConversationRingingSql, cancellationToken: cancellationToken))).ToHashSet();
        return agents.Select(a => a with
        {
            Skills = skills[a.UserId].ToDictionary(s => s.Skill, s => s.Proficiency, StringComparer.OrdinalIgnoreCase),
            CallsToday = calls.GetValueOrDefault(a.UserId),
            HeldConversations = held.GetValueOrDefault(a.UserId),
            ConversationRinging = ringing.Contains(a.UserId),
        }).ToList();
    }

    private const string RefusalsSql = """
        SELECT agent_id, queue_entry_id, callback_request_id, conversation_id FROM offer
        WHERE status IN ('declined', 'timed-out') AND offered_at >= @Since
        """;

    /// <summary>(work, agent) pairs where the agent declined the work or let it ring out since <paramref name="since"/>.</summary>
    public async Task<HashSet<(Guid Work, Guid Agent)>> RefusalsAsync(DateTime since, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RefusalRow>(new CommandDefinition(RefusalsSql, new { Since = since }, cancellationToken: cancellationToken));
        return rows.Select(r => ((r.QueueEntryId ?? r.CallbackRequestId ?? r.ConversationId ?? Guid.Empty), r.AgentId)).ToHashSet();
    }

    private static async Task<Dictionary<Guid, int>> CountsAsync(System.Data.Common.DbConnection connection, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.AgentId, r => (int)r.N);
    }

    private sealed record SkillRow
    {
        public Guid UserId { get; init; }
        public string Skill { get; init; } = "";
        public int Proficiency { get; init; }
    }

    private sealed record CountRow
    {
        public Guid AgentId { get; init; }
        public long N { get; init; }
    }

    private sealed record RefusalRow
    {
        public Guid AgentId { get; init; }
        public Guid? QueueEntryId { get; init; }
        public Guid? CallbackRequestId { get; init; }
        public Guid? ConversationId { get; init; }
    }
}
