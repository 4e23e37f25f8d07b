using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Wallboard;
using Dapper;

namespace CallCenter.Core.Agents;

// Every committed change of an agent's state rings the wallboard (the changes inside a caller's transaction are rung
// by that caller after its commit: routing's claims and offer ends).
internal sealed partial class AgentStatusRepository(IDbConnectionFactory db, ISqlDialect dialect, IWallboardSignal wallboard, TimeProvider time)
    : IAgentStatusRepository
{
    private const string StatusColumns = "user_id, state, reason, since, wrap_up_until, missed_offers, version, updated_at";

    private const string GetSql = $"SELECT {StatusColumns} FROM agent_status WHERE user_id = @UserId";

    public async Task<AgentStatus?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StatusRow>(
            new CommandDefinition(GetSql, new { UserId = userId }, cancellationToken: cancellationToken));
        return row?.ToStatus();
    }

    private const string ListSql = $"SELECT {StatusColumns} FROM agent_status ORDER BY user_id";

    public async Task<IReadOnlyList<AgentStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StatusRow>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStatus()).ToList();
    }

    private const string InsertSql = """
        INSERT INTO agent_status (user_id, state, reason, since, wrap_up_until, missed_offers, version, updated_at)
        VALUES (@UserId, @State, @Reason, @Since, @WrapUpUntil, @MissedOffers, @Version, @UpdatedAt)
        """;

    public async Task<AgentStatus> EnsureAsync(AgentStatus initial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, StatusRow.From(initial), cancellationToken: cancellationToken));
                wallboard.Changed();
                return initial;
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex))
            {
                // Two first requests for the same agent: the first row stands.
            }
        }

        return await GetAsync(initial.UserId, cancellationToken)
            ?? throw new InvalidOperationException("An agent status reported as existing could not be read.");
    }

    private const string TransitionSql = """
        UPDATE agent_status
        SET state = @State, reason = @Reason, since = @Since, wrap_up_until = @WrapUpUntil, missed_offers = @MissedOffers,
            version = version + 1, updated_at = @UpdatedAt
        WHERE user_id = @UserId AND version = @ExpectedVersion AND state = @ExpectedState
        """;

    public async Task<bool> TransitionAsync(AgentStatus expected, AgentStatus target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(target);
        var row = StatusRow.From(target);
        var parameters = new
        {
            row.UserId, row.State, row.Reason, row.Since, row.WrapUpUntil, row.MissedOffers, row.UpdatedAt,
            ExpectedVersion = expected.Version, ExpectedState = expected.State.ToCode(),
        };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(TransitionSql, parameters, transaction: tx, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await InsertEventAsync(connection, tx, target.UserId, expected.State, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        wallboard.Changed();
        return true;
    }

    // The condition on state is the whole lock: the engine re-checks it under the row lock, so a second router
    // finds the agent already reserved and changes nothing.
    private const string ReserveSql = """
        UPDATE agent_status
        SET state = 'reserved', reason = NULL, since = @At, wrap_up_until = NULL, version = version + 1, updated_at = @At
        WHERE user_id = @UserId AND state = 'available'
        """;

    public async Task<bool> TryReserveAsync(Guid userId, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            ReserveSql, new { UserId = userId, At = at }, transaction: tx, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await InsertEventAsync(connection, tx, userId, AgentState.Available, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        wallboard.Changed();
        return true;
    }

    private const string ExpiredWrapUpsSql = $"""
        SELECT {StatusColumns} FROM agent_status WHERE state = 'wrap-up' AND wrap_up_until <= @Now ORDER BY wrap_up_until
        """;

    public async Task<IReadOnlyList<AgentStatus>> ExpiredWrapUpsAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StatusRow>(new CommandDefinition(ExpiredWrapUpsSql, new { Now = now }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStatus()).ToList();
    }

    // Written from the row just changed, under its lock: the event carries the version the change produced.
    private const string InsertEventSql = """
        INSERT INTO agent_state_event (id, user_id, from_state, to_state, reason, version, occurred_at)
        SELECT @Id, user_id, @FromState, state, reason, version, updated_at FROM agent_status WHERE user_id = @UserId
        """;

    private async Task InsertEventAsync(DbConnection connection, DbTransaction tx, Guid userId, AgentState from, CancellationToken cancellationToken)
    {
        var row = new { Id = Ids.New(time), UserId = userId, FromState = from.ToCode() };
        await connection.ExecuteAsync(new CommandDefinition(InsertEventSql, row, transaction: tx, cancellationToken: cancellationToken));
    }

    private const string HistorySql = """
        SELECT id, user_id, from_state, to_state, reason, version, occurred_at FROM agent_state_event
        WHERE user_id = @UserId ORDER BY version
        """;

    public async Task<IReadOnlyList<AgentStateChange>> HistoryAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(HistorySql, new { UserId = userId }, cancellationToken: cancellationToken));
        return rows.Select(r => new AgentStateChange
        {
            Id = r.Id, UserId = r.UserId, FromState = AgentStates.Parse(r.FromState), ToState = AgentStates.Parse(r.ToState),
            Reason = r.Reason, Version = r.Version, OccurredAt = r.OccurredAt,
        }).ToList();
    }
}
