namespace CallCenter.Core.Callbacks;

/// <summary>A callback request as the callback job, the desk and supervisors see it.</summary>
public sealed record Callback
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
    public DateTime? PlaceAt { get; init; }

    /// <summary>ivr, desk or api.</summary>
    public required string Source { get; init; }

    /// <summary>When to dial; null for a request from the IVR in an agent-first queue (in line at once).</summary>
    public DateTime? DueAt { get; init; }
    public string? Reason { get; init; }

    /// <summary>The agent the callback belongs to: who promised it, or whom a supervisor gave it to.</summary>
    public Guid? AgentId { get; init; }
    public Guid? ScheduledCallbackId { get; init; }
    public int Attempts { get; init; }
    public string? LastOutcome { get; init; }
    public string? DialCallSid { get; init; }
    public Guid? ClaimToken { get; init; }
    public DateTime? ClaimedAt { get; init; }
    public int Version { get; init; }
    public DateTime? UpdatedAt { get; init; }

    /// <summary>Read with the row: the queue's <see cref="CallbackModes"/> and the patient's IANA zone.</summary>
    public string? CallbackMode { get; init; }
    public string? PatientTimeZone { get; init; }
}
