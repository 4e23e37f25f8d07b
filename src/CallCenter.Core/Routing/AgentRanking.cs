using CallCenter.Core.Queues;

namespace CallCenter.Core.Routing;

/// <summary>The queue strategies as one pure ordering of the eligible agents (best first).</summary>
internal static class AgentRanking
{
    public static IEnumerable<AgentCandidate> Order(IEnumerable<AgentCandidate> eligible, QueueStrategy strategy, IReadOnlyCollection<string> required)
    {
        // Ties always fall back to the longest idle agent, then the ID, so the order is total and repeatable.
        var ordered = strategy switch
        {
            QueueStrategy.RoundRobin => eligible.OrderBy(a => a.LastOfferedAt.HasValue).ThenBy(a => a.LastOfferedAt),
            QueueStrategy.FewestCalls => eligible.OrderBy(a => a.CallsToday),
            QueueStrategy.SkillsProficiency => eligible.OrderByDescending(a => a.Proficiency(required)),
            _ => eligible.OrderBy(_ => 0),
        };
        return ordered.ThenBy(a => a.Since).ThenBy(a => a.UserId);
    }

    /// <summary>The skills a piece of work needs: its queue's and its own, without repeats.</summary>
    public static IReadOnlyList<string> Required(QueueSettings queue, WorkItem work) =>
        queue.RequiredSkills.Concat(work.OwnSkills).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
