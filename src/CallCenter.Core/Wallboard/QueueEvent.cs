namespace CallCenter.Core.Wallboard;

/// <summary>One row of the queue event log (<c>queue_event</c>, migration 0025; columns described there).</summary>
public sealed record QueueEvent
{
    public required Guid Id { get; init; }
    public required string QueueName { get; init; }
    public required QueueEventKind Kind { get; init; }
    public string? CallSid { get; init; }
    public Guid? QueueEntryId { get; init; }
    public Guid? CallbackRequestId { get; init; }
    public Guid? AgentId { get; init; }

    /// <summary>The caller's place in line (1 = next) on Abandoned and CallbackRequested.</summary>
    public int? Position { get; init; }

    /// <summary>Time since the call joined this queue.</summary>
    public TimeSpan? Wait { get; init; }

    /// <summary>Connected to end, hold included, on Completed.</summary>
    public TimeSpan? Talk { get; init; }

    /// <summary>Who ended a completed call (<c>agent</c> or <c>caller</c>), the queue a call moved to, or a reason.</summary>
    public string? Detail { get; init; }
    public required DateTime OccurredAt { get; init; }
}
