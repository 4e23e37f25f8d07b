using CallCenter.Core.Data;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Testing;

/// <summary>The queue event log as stored, read back for assertions.</summary>
public static class QueueEventRows
{
    private const string ForCallSql = """
        SELECT kind, queue_name, call_sid, queue_entry_id, callback_request_id, agent_id, position, wait_ms, talk_ms, detail, occurred_at
        FROM queue_event WHERE call_sid = @CallSid
        """;

    /// <summary>
    /// The call's events in the order they happened: by time, and events of one instant in the order a call's life
    /// has them (a move out of a queue before entering the next, an offer's end before the next offer, an offer before
    /// its answer). Ids are time-ordered only to the millisecond, so they cannot break the tie.
    /// </summary>
    public static async Task<IReadOnlyList<QueueEventRow>> ForCallAsync(IServiceProvider services, string callSid)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var rows = await connection.QueryAsync<QueueEventRow>(new CommandDefinition(ForCallSql, new { CallSid = callSid }));
        return rows.OrderBy(r => r.OccurredAt).ThenBy(r => LifeOrder(r.Kind)).ToList();
    }

    private static int LifeOrder(string kind) => kind switch
    {
        "transferred" or "overflowed" => 0,
        "entered" => 1,
        "offer-declined" or "ring-no-answer" or "offer-withdrawn" => 2,
        "offered" => 3,
        "connected" => 4,
        "completed" => 5,
        _ => 6,
    };
}

public sealed record QueueEventRow
{
    public string Kind { get; init; } = "";
    public string QueueName { get; init; } = "";
    public string? CallSid { get; init; }
    public Guid? QueueEntryId { get; init; }
    public Guid? CallbackRequestId { get; init; }
    public Guid? AgentId { get; init; }
    public long? Position { get; init; }
    public long? WaitMs { get; init; }
    public long? TalkMs { get; init; }
    public string? Detail { get; init; }
    public DateTime OccurredAt { get; init; }
}
