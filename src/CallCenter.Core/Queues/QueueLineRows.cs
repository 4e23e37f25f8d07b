using System.Data.Common;
using Dapper;

namespace CallCenter.Core.Queues;

/// <summary>
/// Reads of the line inside a change's transaction, for the queue event log: the entry as the change finds it and
/// the caller's place in line at that moment. Position and wait come from these stored rows and the time the change
/// itself stores, never from a clock read at another moment.
/// </summary>
internal static class QueueLineRows
{
    // The line's one order (the router's too): place, then call SID, so two calls never claim the same position.
    // Offered entries are still in line (ringing at an agent) and count; so do open callback requests.
    public const string CountAheadSql = """
        SELECT
            (SELECT COUNT(*) FROM queue_entry
             WHERE queue_name = @QueueName AND status IN ('waiting', 'offered') AND call_sid <> @CallSid
               AND (place_at < @PlaceAt OR (place_at = @PlaceAt AND call_sid < @CallSid)))
          + (SELECT COUNT(*) FROM callback_request
             WHERE queue_name = @QueueName AND status IN ('requested', 'offered') AND call_sid <> @CallSid
               AND (place_at < @PlaceAt OR (place_at = @PlaceAt AND call_sid < @CallSid)))
        """;

    private const string InLineSql = """
        SELECT id, queue_name, call_sid, status, place_at, enqueued_at, queue_joined_at, agent_id, answered_at FROM queue_entry
        WHERE call_sid = @CallSid AND status IN ('waiting', 'offered')
        """;

    private const string ByCallSql = """
        SELECT id, queue_name, call_sid, status, place_at, enqueued_at, queue_joined_at, agent_id, answered_at FROM queue_entry WHERE call_sid = @CallSid
        """;

    /// <summary>The call's entry while it is in line (waiting or ringing at an agent); null otherwise.</summary>
    public static Task<LineRow?> InLineAsync(DbConnection connection, DbTransaction tx, string callSid, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<LineRow>(new CommandDefinition(InLineSql, new { CallSid = callSid }, transaction: tx, cancellationToken: cancellationToken));

    /// <summary>The call's entry whatever its status; null when the call never queued.</summary>
    public static Task<LineRow?> ByCallAsync(DbConnection connection, DbTransaction tx, string callSid, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<LineRow>(new CommandDefinition(ByCallSql, new { CallSid = callSid }, transaction: tx, cancellationToken: cancellationToken));

    /// <summary>The place in line (1 = next) a call at <paramref name="placeAt"/> holds in <paramref name="queueName"/>.</summary>
    public static async Task<int> PositionAsync(
        DbConnection connection, DbTransaction tx, string queueName, string callSid, DateTime placeAt, CancellationToken cancellationToken)
    {
        var ahead = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            CountAheadSql, new { QueueName = queueName, CallSid = callSid, PlaceAt = placeAt }, transaction: tx, cancellationToken: cancellationToken));
        return (int)ahead + 1;
    }

    /// <summary>A queue entry as a change reads it (not sealed: overflow reads the language too).</summary>
    internal record LineRow
    {
        public Guid Id { get; init; }
        public string QueueName { get; init; } = "";
        public string CallSid { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTime? PlaceAt { get; init; }
        public DateTime EnqueuedAt { get; init; }
        public DateTime? QueueJoinedAt { get; init; }
        public Guid? AgentId { get; init; }

        /// <summary>When the call was connected to <see cref="AgentId"/>; null while it has not been.</summary>
        public DateTime? AnsweredAt { get; init; }

        /// <summary>Its place in line (rows from before places were stored: their enqueue time).</summary>
        public DateTime Place => PlaceAt ?? EnqueuedAt;

        /// <summary>When the call joined its current queue (older rows have no join time: their enqueue time).</summary>
        public DateTime JoinedAt => QueueJoinedAt ?? EnqueuedAt;

        /// <summary>The wait in this queue up to <paramref name="at"/>, never negative.</summary>
        public TimeSpan WaitUntil(DateTime at) => at > JoinedAt ? at - JoinedAt : TimeSpan.Zero;
    }
}
