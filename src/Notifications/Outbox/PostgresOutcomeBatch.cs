using System.Data.Common;

namespace Notifications.Outbox;

/// <summary>
/// PostgreSQL: a batch's outcomes in at most two round trips. The accepted rows (nearly all of a batch) are one
/// statement over arrays, so the server parses and plans once per batch instead of once per row; the rest (deferred,
/// retried, ended) go as one <see cref="DbBatch"/>. Each row is still fenced by its claim token and counted on its own.
/// Only here: the other engines have no arrays, and their providers bind Guids and times differently from Dapper's
/// conventions.
/// </summary>
internal static class PostgresOutcomeBatch
{
    // Named *PostgresSql: sent to PostgreSQL only, so the T-SQL parse check leaves it to the PostgreSQL tests.
    private const string AcceptedManyPostgresSql = """
        UPDATE notification AS n
        SET status = u.status, status_rank = u.status_rank, carrier_id = u.carrier_id, sent_at = @Now,
            check_carrier = FALSE, error = NULL, attempts = n.attempts + u.attempt, updated_at = @Now
        FROM unnest(@Ids, @Statuses, @Ranks, @CarrierIds, @Attempts) AS u(id, status, status_rank, carrier_id, attempt)
        WHERE n.id = u.id AND n.claim_token = @ClaimToken AND n.status = 'sending'
        RETURNING n.id
        """;

    public static async Task<List<DispatchOutcome>> RecordAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DispatchOutcome> outcomes, IReadOnlyList<OutcomeStatement> statements,
        DateTime now, CancellationToken cancellationToken)
    {
        var recorded = new List<DispatchOutcome>(outcomes.Count);
        var others = new List<int>();
        var accepted = new Dictionary<Guid, List<DispatchOutcome>>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].Kind == DispatchOutcomeKind.Accepted)
            {
                // A claimed row always has its token; one without would match nothing, as its fenced update would.
                var claim = outcomes[i].Row.ClaimToken ?? Guid.Empty;
                (accepted.TryGetValue(claim, out var rows) ? rows : accepted[claim] = []).Add(outcomes[i]);
            }
            else
            {
                others.Add(i);
            }
        }

        foreach (var (claimToken, rows) in accepted)
        {
            recorded.AddRange(await RecordAcceptedAsync(connection, transaction, claimToken, rows, now, cancellationToken));
        }

        if (others.Count > 0)
        {
            recorded.AddRange(await RecordInOneBatchAsync(connection, transaction, [.. others.Select(i => outcomes[i])], [.. others.Select(i => statements[i])], cancellationToken));
        }

        return recorded;
    }

    private static async Task<IEnumerable<DispatchOutcome>> RecordAcceptedAsync(
        DbConnection connection, DbTransaction transaction, Guid claimToken, List<DispatchOutcome> rows, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AcceptedManyPostgresSql;
        Add(command, "Now", now);
        Add(command, "ClaimToken", claimToken);
        Add(command, "Ids", rows.Select(o => o.Row.Id).ToArray());
        Add(command, "Statuses", rows.Select(o => o.Status!).ToArray());
        Add(command, "Ranks", rows.Select(o => NotificationStatuses.Rank(o.Status!)).ToArray());
        Add(command, "CarrierIds", rows.Select(o => o.CarrierId!).ToArray());
        Add(command, "Attempts", rows.Select(o => o.CountAttempt ? 1 : 0).ToArray());
        var written = new HashSet<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                written.Add(reader.GetGuid(0));
            }
        }

        return rows.Where(o => written.Contains(o.Row.Id));
    }

    private static async Task<List<DispatchOutcome>> RecordInOneBatchAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DispatchOutcome> outcomes, IReadOnlyList<OutcomeStatement> statements, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            foreach (var (name, value) in statement.Parameters)
            {
                command.Parameters.Add(Parameter(command.CreateParameter(), name, value));
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var recorded = new List<DispatchOutcome>(outcomes.Count);
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected == 1)
            {
                recorded.Add(outcomes[i]);
            }
        }

        return recorded;
    }

    private static void Add(DbCommand command, string name, object? value) => command.Parameters.Add(Parameter(command.CreateParameter(), name, value));

    private static DbParameter Parameter(DbParameter parameter, string name, object? value)
    {
        parameter.ParameterName = name;
        // Times are UTC throughout; timestamptz refuses a DateTime whose kind is not said.
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTime { Kind: DateTimeKind.Unspecified } time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            _ => value,
        };
        if (value is null)
        {
            parameter.DbType = System.Data.DbType.String;
        }

        return parameter;
    }
}
