using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Accounts;

internal sealed class AccountSessionRepository(IDbConnectionFactory db, ISqlDialect dialect) : IAccountSessionRepository
{
    private const string GenerationSql = "SELECT generation FROM account_session WHERE user_id = @UserId";

    public async Task<int> GenerationAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(GenerationSql, new { UserId = userId }, cancellationToken: cancellationToken)) ?? 0;
    }

    private const string StampSql = """
        SELECT u.id AS user_id, u.is_disabled, s.generation
        FROM app_user u LEFT JOIN account_session s ON s.user_id = u.id
        WHERE u.id = @UserId
        """;

    public async Task<int?> CurrentStampAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StampRow>(new CommandDefinition(StampSql, new { UserId = userId }, cancellationToken: cancellationToken));
        return row is { IsDisabled: false } ? row.Generation ?? 0 : null;
    }

    private const string StampsSql = """
        SELECT u.id AS user_id, u.is_disabled, s.generation
        FROM app_user u LEFT JOIN account_session s ON s.user_id = u.id
        """;

    public async Task<IReadOnlyDictionary<Guid, int?>> CurrentStampsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StampRow>(new CommandDefinition(StampsSql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.UserId, r => r.IsDisabled ? (int?)null : r.Generation ?? 0);
    }

    private sealed class StampRow
    {
        public Guid UserId { get; init; }

        public bool IsDisabled { get; init; }

        public int? Generation { get; init; }
    }

    private const string BumpSql = """
        UPDATE account_session SET generation = generation + 1, signed_out_at = @At, signed_out_by = @By
        WHERE user_id = @UserId
        """;

    private const string FirstSql = """
        INSERT INTO account_session (user_id, generation, signed_out_at, signed_out_by)
        VALUES (@UserId, 1, @At, @By)
        """;

    public async Task<int> SignOutAsync(Guid userId, Guid signedOutBy, DateTime at, CancellationToken cancellationToken = default)
    {
        var row = new { UserId = userId, At = at, By = signedOutBy };
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(BumpSql, row, cancellationToken: cancellationToken)) == 0)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(FirstSql, row, cancellationToken: cancellationToken));
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex))
            {
                // Signed out twice at once: the other inserted generation 1; this one counts it up.
                await connection.ExecuteAsync(new CommandDefinition(BumpSql, row, cancellationToken: cancellationToken));
            }
        }

        return await connection.QuerySingleAsync<int>(new CommandDefinition(GenerationSql, row, cancellationToken: cancellationToken));
    }
}
