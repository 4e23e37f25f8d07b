using System.Data.Common;
using Dapper;

namespace CallCenter.Core.Agents;

/// <summary>
/// The same conditional changes as the public methods, inside a caller's transaction: routing claims work,
/// reserves the agent and records the offer all or nothing.
/// </summary>
internal sealed partial class AgentStatusRepository
{
    public async Task<bool> TryReserveAsync(DbConnection connection, DbTransaction tx, Guid userId, DateTime at, CancellationToken cancellationToken)
    {
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            ReserveSql, new { UserId = userId, At = at }, transaction: tx, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        await InsertEventAsync(connection, tx, userId, AgentState.Available, cancellationToken);
        return true;
    }

    public static async Task<AgentStatus?> GetAsync(DbConnection connection, DbTransaction tx, Guid userId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<StatusRow>(
            new CommandDefinition(GetSql, new { UserId = userId }, transaction: tx, cancellationToken: cancellationToken));
        return row?.ToStatus();
    }

    public async Task<bool> TransitionAsync(
        DbConnection connection, DbTransaction tx, AgentStatus expected, AgentStatus target, CancellationToken cancellationToken)
    {
        var row = StatusRow.From(target);
        var parameters = new
        {
            row.UserId, row.State, row.Reason, row.Since, row.WrapUpUntil, row.MissedOffers, row.UpdatedAt,
            ExpectedVersion = expected.Version, ExpectedState = expected.State.ToCode(),
        };
        var changed = await connection.ExecuteAsync(new CommandDefinition(TransitionSql, parameters, transaction: tx, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        await InsertEventAsync(connection, tx, target.UserId, expected.State, cancellationToken);
        return true;
    }
}
