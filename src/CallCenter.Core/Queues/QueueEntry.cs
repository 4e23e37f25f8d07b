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
}

/// <summary>The stored statuses of queue entries and callback requests.</summary>
public static class QueueStatuses
{
    public const string Waiting = "waiting";
    public const string Callback = "callback";
    public const string Left = "left";
    public const string Bridged = "bridged";

    /// <summary>A callback request not yet served.</summary>
    public const string Requested = "requested";
}

/// <summary>A queue's figures at one moment.</summary>
public sealed record QueueFigures(int Waiting, int Callbacks, DateTime? OldestWaitingSince);
