using System.Data.Common;
using Dapper;

namespace CallCenter.Core.Wallboard;

internal sealed class QueueEventLog : IQueueEventLog
{
    private const string InsertSql = """
        INSERT INTO queue_event (id, queue_name, kind, call_sid, queue_entry_id, callback_request_id, agent_id, position, wait_ms, talk_ms, detail, occurred_at)
        VALUES (@Id, @QueueName, @Kind, @CallSid, @QueueEntryId, @CallbackRequestId, @AgentId, @Position, @WaitMs, @TalkMs, @Detail, @OccurredAt)
        """;

    public async Task AppendAsync(DbConnection connection, DbTransaction tx, QueueEvent queueEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queueEvent);
        var row = new
        {
            queueEvent.Id, queueEvent.QueueName, Kind = queueEvent.Kind.ToCode(), queueEvent.CallSid, queueEvent.QueueEntryId,
            queueEvent.CallbackRequestId, queueEvent.AgentId, queueEvent.Position,
            WaitMs = (long?)queueEvent.Wait?.TotalMilliseconds, TalkMs = (long?)queueEvent.Talk?.TotalMilliseconds,
            queueEvent.Detail, queueEvent.OccurredAt,
        };
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, transaction: tx, cancellationToken: cancellationToken));
    }
}
