namespace CallCenter.Core.Queues;

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
