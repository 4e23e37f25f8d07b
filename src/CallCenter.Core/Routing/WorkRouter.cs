using CallCenter.Core.Agents;
using CallCenter.Core.Data;
using CallCenter.Core.Queues;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Routing;

/// <summary>
/// The router. Stateless: every pass reads the line and the agents afresh and ranks them; each offer is then
/// claimed by <see cref="OfferClaims"/>, so any number of these (in any number of processes) can route the same
/// database at once.
/// </summary>
internal sealed class WorkRouter(
    IDbConnectionFactory db,
    RoutingReader reader,
    OfferClaims claims,
    IQueueSettingsRepository queues,
    IOptions<RoutingOptions> routingOptions,
    TimeProvider time) : IWorkRouter
{
    // Fewest-calls counts the calls agents took in this window; a refusal older than it no longer holds the work back.
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private RoutingOptions Options => routingOptions.Value;

    public async Task<IReadOnlyList<Offer>> RouteAsync(IReadOnlyCollection<Guid> connectedAgents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectedAgents);
        var made = new List<Offer>();
        if (connectedAgents.Count == 0)
        {
            return made;
        }

        // Most passes find nothing waiting: two small reads decide that before the agents (the larger read) are loaded,
        // so an idle pass stays cheap and does not hold up the pass a new call wakes.
        var calls = await reader.WaitingCallsAsync(cancellationToken);
        var conversations = await reader.WaitingConversationsAsync(cancellationToken);
        if (calls.Count == 0 && conversations.Count == 0)
        {
            return made;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var agents = await reader.AgentsAsync(connectedAgents, now - Window, cancellationToken);
        if (agents.Count == 0)
        {
            return made;
        }

        var settings = (await queues.ListAsync(cancellationToken)).ToDictionary(q => q.Name, StringComparer.Ordinal);
        var refusals = await reader.RefusalsAsync(now - Window, cancellationToken);
        await RouteCallsAsync(calls, agents, settings, refusals, made, cancellationToken);
        await RouteConversationsAsync(conversations, agents, settings, refusals, made, cancellationToken);
        return made;
    }

    private async Task RouteCallsAsync(
        IReadOnlyList<WorkItem> calls, List<AgentCandidate> agents, Dictionary<string, QueueSettings> settings, HashSet<(Guid, Guid)> refusals, List<Offer> made, CancellationToken cancellationToken)
    {
        // One call at a time per agent: only the available ones can take a call or a callback.
        var free = agents.Where(a => a.State == AgentState.Available.ToCode()).ToList();
        if (free.Count == 0)
        {
            return;
        }

        foreach (var work in calls)
        {
            if (free.Count == 0)
            {
                break;
            }

            var queue = settings.GetValueOrDefault(work.QueueName) ?? new QueueSettings { Name = work.QueueName, DisplayName = work.QueueName };
            var required = AgentRanking.Required(queue, work);
            var ranked = AgentRanking.Order(free.Where(a => a.HasAll(required)), queue.Strategy, required)
                .OrderBy(a => refusals.Contains((work.Id, a.UserId))) // stable: those who turned it down go last
                .ToList();
            foreach (var agent in ranked)
            {
                var (claim, offer) = await claims.TryClaimAsync(work, agent.UserId, reserveAgent: true, transferredBy: null, note: null, cancellationToken);
                if (claim == Claim.WorkTaken)
                {
                    break;
                }

                // Offered, or taken by another router: either way this agent is no longer free.
                free.Remove(agent);
                if (claim == Claim.Made)
                {
                    made.Add(offer!);
                    break;
                }
            }
        }
    }

    private async Task RouteConversationsAsync(
        IReadOnlyList<WorkItem> conversations, List<AgentCandidate> agents, Dictionary<string, QueueSettings> settings, HashSet<(Guid, Guid)> refusals, List<Offer> made, CancellationToken cancellationToken)
    {
        var queue = settings.GetValueOrDefault(Options.SmsQueue) ?? new QueueSettings { Name = Options.SmsQueue, DisplayName = Options.SmsQueue };
        var breakCode = AgentState.Break.ToCode();

        // SMS does not touch the voice state: an agent on a call can still answer messages, up to their capacity.
        var able = agents.Where(a => a.State != breakCode && a.HasAll(queue.RequiredSkills)).ToList();
        bool HasRoom(AgentCandidate a) => !a.ConversationRinging && a.HeldConversations < (a.SmsCapacity ?? Options.DefaultSmsCapacity);
        if (!able.Any(HasRoom))
        {
            return;
        }

        foreach (var work in conversations)
        {
            var ranked = AgentRanking.Order(able.Where(HasRoom), queue.Strategy, queue.RequiredSkills)
                .OrderBy(a => refusals.Contains((work.Id, a.UserId))) // stable: those who turned it down go last,
                .ThenBy(a => a.HeldConversations)                     // then the least loaded, then the queue's strategy
                .ToList();
            if (ranked.Count == 0)
            {
                break;
            }

            foreach (var agent in ranked)
            {
                var (claim, offer) = await claims.TryClaimAsync(work with { QueueName = queue.Name }, agent.UserId, reserveAgent: false, null, null, cancellationToken);
                if (claim == Claim.Made)
                {
                    agent.ConversationRinging = true;
                    made.Add(offer!);
                    break;
                }

                if (claim == Claim.WorkTaken)
                {
                    break;
                }

                agent.ConversationRinging = true; // another router offered them one first
            }
        }
    }

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
        var (claim, offer) = await claims.TryClaimAsync(work with { Kind = WorkKind.Call }, agentId, reserveAgent: true, transferredBy, note, cancellationToken);
        return claim == Claim.Made ? offer : null;
    }
}
