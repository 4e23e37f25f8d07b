using System.Collections.Concurrent;
using CallCenter.Core.Data;
using CallCenter.Core.Queues;
using Dapper;

namespace CallCenter.Core.Routing;

/// <summary>
/// Counts a queue's agents from the one agent state machine's rows and the agents' skills. Asked on every place a
/// caller hears, so a count is kept for <see cref="FreshFor"/>: a wait estimate a second old is as good as a new one.
/// </summary>
internal sealed class QueueStaffing(IDbConnectionFactory db, IQueueSettingsRepository queues, TimeProvider time) : IQueueStaffing
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    // Break and offline agents take no calls; everyone else will, now or after the call in hand.
    private const string WorkingAgentsSql = """
        SELECT user_id, state FROM agent_status WHERE state IN ('available', 'reserved', 'busy', 'wrap-up')
        """;

    private const string SkillsOfWorkingAgentsSql = """
        SELECT k.user_id, k.skill FROM agent_skill k
        JOIN agent_status s ON s.user_id = k.user_id
        WHERE s.state IN ('available', 'reserved', 'busy', 'wrap-up')
        """;

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, QueueStaff Staff)> _recent = new(StringComparer.Ordinal);

    public async Task<QueueStaff> ForQueueAsync(string queueName, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_recent.TryGetValue(queueName, out var kept) && now - kept.At < FreshFor)
        {
            return kept.Staff;
        }

        var required = (await queues.FindAsync(queueName, cancellationToken))?.RequiredSkills ?? [];
        await using var connection = await db.OpenAsync(cancellationToken);
        var agents = await connection.QueryAsync<(Guid UserId, string State)>(new CommandDefinition(WorkingAgentsSql, cancellationToken: cancellationToken));
        var skills = (await connection.QueryAsync<(Guid UserId, string Skill)>(new CommandDefinition(SkillsOfWorkingAgentsSql, cancellationToken: cancellationToken)))
            .ToLookup(s => s.UserId, s => s.Skill);
        var able = agents.Where(a => required.All(r => skills[a.UserId].Contains(r, StringComparer.OrdinalIgnoreCase))).ToList();
        var staff = new QueueStaff(able.Count, able.Count(a => a.State == "available"));
        _recent[queueName] = (now, staff);
        return staff;
    }
}
