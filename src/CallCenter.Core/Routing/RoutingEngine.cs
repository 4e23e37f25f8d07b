using System.Data.Common;
using CallCenter.Core.Agents;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Queues;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Routing;

/// <summary>
/// The router. Stateless: every pass reads the line and the agents afresh and claims each offer in one
/// transaction whose every step is conditional, so any number of these (in any number of processes) can route
/// the same database at once.
/// </summary>
internal sealed partial class RoutingEngine(
    IDbConnectionFactory db,
    ISqlDialect dialect,
    RoutingReader reader,
    OfferRepository offers,
    AgentStatusRepository statuses,
    IQueueSettingsRepository queues,
    IOptions<RoutingOptions> routingOptions,
    IOptions<AgentStateOptions> agentOptions,
    TimeProvider time,
    ILogger<RoutingEngine> logger) : IRoutingEngine
{
    // Fewest-calls counts the calls agents took in this window; a refusal older than it no longer holds the work back.
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private RoutingOptions Options => routingOptions.Value;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

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

        var now = Now;
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
                var (claim, offer) = await TryClaimAsync(work, agent.UserId, reserveAgent: true, transferredBy: null, note: null, cancellationToken);
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
                var (claim, offer) = await TryClaimAsync(work with { QueueName = queue.Name }, agent.UserId, reserveAgent: false, null, null, cancellationToken);
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

    private enum Claim
    {
        Made,
        WorkTaken,
        AgentTaken,
    }

    private const string TouchProfileSql = "UPDATE agent_profile SET last_offered_at = @At WHERE user_id = @AgentId";

    private const string HeldCountSql = """
        SELECT COUNT(*) FROM conversation WHERE agent_id = @AgentId AND routing_status = 'assigned' AND status = 'open'
        """;

    private const string SmsCapacitySql = "SELECT sms_capacity FROM agent_profile WHERE user_id = @AgentId";

    /// <summary>
    /// Work from waiting to offered, the agent from available to reserved (calls), the offer written: all in one
    /// transaction, each step conditional. Any step that finds the row already taken rolls the whole claim back.
    /// </summary>
    private async Task<(Claim, Offer?)> TryClaimAsync(
        WorkItem work, Guid agentId, bool reserveAgent, Guid? transferredBy, string? note, CancellationToken cancellationToken)
    {
        var now = Now;
        var offer = new Offer
        {
            Id = Ids.New(time), Kind = work.Kind, QueueName = work.QueueName, AgentId = agentId,
            QueueEntryId = work.Kind == WorkKind.Call ? work.Id : null,
            CallbackRequestId = work.Kind == WorkKind.Callback ? work.Id : null,
            ConversationId = work.Kind == WorkKind.Conversation ? work.Id : null,
            CallSid = work.CallSid, PatientId = work.PatientId, CallerNumber = work.CallerNumber, Language = work.Language,
            WaitingSince = work.WaitingSince, Status = OfferStatus.Ringing, OfferedAt = now, ExpiresAt = now.AddSeconds(Options.OfferTimeoutSeconds),
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
            await connection.ExecuteAsync(new CommandDefinition(TouchProfileSql, new { AgentId = agentId, At = now }, transaction: tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            return (Claim.Made, offer);
        }
        catch (DbException ex) when (IsLostRace(ex))
        {
            // The unique indexes on ringing offers are the last guard: another router got there first.
            await tx.RollbackAsync(cancellationToken);
            logger.LogDebug("Routing claim of {WorkId} for {AgentId} lost a race", work.Id, agentId);
            return (Claim.AgentTaken, null);
        }
    }

    private async Task<bool> HasSmsRoomAsync(DbConnection connection, DbTransaction tx, Guid agentId, CancellationToken cancellationToken)
    {
        var held = await connection.ExecuteScalarAsync<long>(new CommandDefinition(HeldCountSql, new { AgentId = agentId }, transaction: tx, cancellationToken: cancellationToken));
        var capacity = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(SmsCapacitySql, new { AgentId = agentId }, transaction: tx, cancellationToken: cancellationToken));
        return held < (capacity ?? Options.DefaultSmsCapacity);
    }

    // A unique violation, or a deadlock / serialization failure the engine chose this transaction to lose.
    private bool IsLostRace(DbException ex) => dialect.IsUniqueViolation(ex) || ex.SqlState is "40P01" or "40001";
}
