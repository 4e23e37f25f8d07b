using CallCenter.Core.Wallboard;

namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// The <c>completed</c> queue event of a change that ends an agent's part of a connected call: talk from connected
/// to end (hold included), detail who ended it. Written by the repository in the change's own transaction, so a
/// repeated hang-up webhook (whose change does nothing) appends nothing.
/// </summary>
public static class DeskCallCompletion
{
    public const string ByAgent = "agent";
    public const string ByCaller = "caller";

    /// <summary>The agent sent the call on (to a queue, an agent or an outside number).</summary>
    public const string ByTransfer = "transfer";

    /// <summary>The event when <paramref name="after"/> ends the agent's part of a call that had connected; else null.</summary>
    public static QueueEvent? Of(DeskCallRow before, DeskCallRow after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var detail = after.EndReason switch
        {
            DeskEndReasons.AgentHungUp => ByAgent,
            DeskEndReasons.CallerHungUp => ByCaller,
            DeskEndReasons.Transferred => ByTransfer,

            // Failed or requeued: the agent's phone never answered this leg; the queue records what follows.
            _ => null,
        };
        if (!before.HasAgent || after.HasAgent || detail is null || after is not { ConnectedAt: { } connected, EndedAt: { } ended })
        {
            return null;
        }

        return new QueueEvent
        {
            // The change's own time makes the id, as Ids.New does with the clock it read for that time.
            Id = Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(ended, DateTimeKind.Utc))),
            QueueName = after.QueueName,
            Kind = QueueEventKind.Completed,
            CallSid = after.CallSid,
            AgentId = after.AgentId,
            Talk = ended > connected ? ended - connected : TimeSpan.Zero,
            Detail = detail,
            OccurredAt = ended,
        };
    }
}
