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

/// <summary>A request to be called back that keeps the caller's place (priority and original enqueue time).</summary>
public sealed record CallbackRequestRow
{
    public required Guid Id { get; init; }
    public required string CallSid { get; init; }
    public required string QueueName { get; init; }
    public required string Number { get; init; }
    public Guid? PatientId { get; init; }
    public required string Language { get; init; }
    public int Priority { get; init; }
    public required DateTime PlaceEnqueuedAt { get; init; }
    public required string Status { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>The call's place in line (see <see cref="QueueEntry.PlaceAt"/>); null on a new request means "work it out".</summary>
    public DateTime? PlaceAt { get; init; }
}

/// <summary>The stored statuses of queue entries and callback requests.</summary>
public static class QueueStatuses
{
    public const string Waiting = "waiting";
    public const string Callback = "callback";
    public const string Left = "left";
    public const string Bridged = "bridged";

    /// <summary>Ringing at an agent: still in line (and counted), not offered to anyone else.</summary>
    public const string Offered = "offered";

    /// <summary>Waited past the queue's maximum wait and sent to voicemail or a callback offer.</summary>
    public const string Overflowed = "overflowed";

    /// <summary>A callback request an agent accepted.</summary>
    public const string Assigned = "assigned";

    /// <summary>A callback request not yet served.</summary>
    public const string Requested = "requested";
}

/// <summary>The order of the line: priority with ageing.</summary>
public static class LinePlace
{
    /// <summary>
    /// One priority point is worth <paramref name="prioritySeconds"/> of waiting: an urgent call goes ahead of
    /// recent ones, but a call that has waited long enough still goes ahead of a newer urgent one.
    /// </summary>
    public static DateTime For(DateTime enqueuedAt, int priority, int prioritySeconds) =>
        enqueuedAt.AddSeconds(-(double)priority * prioritySeconds);
}

/// <summary>A queue's figures at one moment.</summary>
public sealed record QueueFigures(int Waiting, int Callbacks, DateTime? OldestWaitingSince);
