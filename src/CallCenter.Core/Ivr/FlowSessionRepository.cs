using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Ivr;

/// <summary>Sessions in <c>ivr_session</c>, one row per call or SMS conversation.</summary>
internal sealed class FlowSessionRepository(IDbConnectionFactory db, ISqlDialect dialect) : IFlowSessionRepository
{
    private const string FindSql = """
        SELECT session_key, kind, flow_id, flow_version, state, turn, ended, outcome, created_at, updated_at
        FROM ivr_session WHERE session_key = @SessionKey
        """;

    public async Task<StoredSession?> FindAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredSession>(
            new CommandDefinition(FindSql, new { SessionKey = sessionKey }, cancellationToken: cancellationToken));
    }

    private const string InsertSql = """
        INSERT INTO ivr_session (session_key, kind, flow_id, flow_version, state, turn, ended, outcome, created_at, updated_at)
        VALUES (@SessionKey, @Kind, @FlowId, @FlowVersion, @State, @Turn, @Ended, @Outcome, @CreatedAt, @UpdatedAt)
        """;

    public async Task<bool> TryInsertAsync(StoredSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, session, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    // An SMS conversation that ended or lapsed starts again under the same key, so every column may change.
    private const string UpdateSql = """
        UPDATE ivr_session
        SET kind = @Kind, flow_id = @FlowId, flow_version = @FlowVersion, state = @State, turn = @Turn, ended = @Ended,
            outcome = @Outcome, created_at = @CreatedAt, updated_at = @UpdatedAt
        WHERE session_key = @SessionKey AND turn = @ExpectedTurn
        """;

    public async Task<bool> TryUpdateAsync(StoredSession session, int expectedTurn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new
        {
            session.SessionKey,
            session.Kind,
            session.FlowId,
            session.FlowVersion,
            session.State,
            session.Turn,
            session.Ended,
            session.Outcome,
            session.CreatedAt,
            session.UpdatedAt,
            ExpectedTurn = expectedTurn,
        };
        return await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, cancellationToken: cancellationToken)) == 1;
    }
}
