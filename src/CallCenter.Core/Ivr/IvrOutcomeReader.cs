using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Ivr;

/// <summary>
/// Reads the outcome column alone: the screen-pop sits on the path from the caller joining a queue to the agent's
/// screen, and the session's state (variables, a trace of up to 400 lines) is not needed for it.
/// </summary>
internal sealed class IvrOutcomeReader(IDbConnectionFactory db) : IIvrOutcomeReader
{
    private const string OutcomeSql = "SELECT outcome FROM ivr_session WHERE session_key = @CallSid";

    public async Task<IvrOutcome?> FindAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await FindAsync(connection, callSid, cancellationToken);
    }

    public async Task<IvrOutcome?> FindAsync(DbConnection connection, string callSid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var json = await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(OutcomeSql, new { CallSid = callSid }, cancellationToken: cancellationToken));
        return IvrOutcomeJson.Read(json);
    }
}
