namespace CallCenter.Core.Queues;

/// <summary>A call in (or once in) a queue. Skills are stored comma-separated.</summary>
public sealed record QueueEntry
{
    public required Guid Id { get; init; }
    public required string QueueName { get; init; }
    public required string CallSid { get; init; }
    public Guid? PatientId { get; init; }
    public required string CallerNumber { get; init; }
    public int Priority { get; init; }
    public string? Skills { get; init; }
    public required string Language { get; init; }
    public required string Status { get; init; }
    public required DateTime EnqueuedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public string? EndReason { get; init; }

    /// <summary>
    /// The place in line (oldest first): <see cref="EnqueuedAt"/> less priority times Routing:PrioritySeconds, set
    /// when stored (null on a new entry means "work it out") and kept across offers, transfers and callbacks.
    /// </summary>
    public DateTime? PlaceAt { get; init; }

    /// <summary>When the call joined its current queue; overflow measures the queue's maximum wait from it.</summary>
    public DateTime? QueueJoinedAt { get; init; }

    /// <summary>The agent who took the call, and when.</summary>
    public Guid? AgentId { get; init; }
    public DateTime? AnsweredAt { get; init; }
}
