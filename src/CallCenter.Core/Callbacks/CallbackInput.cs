namespace CallCenter.Core.Callbacks;

/// <summary>A callback asked for through the API (by an agent for a patient, or on a patient's request).</summary>
public sealed record CallbackInput
{
    public Guid? PatientId { get; init; }
    public string? Number { get; init; }
    public string? Queue { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public string? Reason { get; init; }
    public string? Language { get; init; }

    /// <summary>The agent it belongs to; the caller when an agent asks, none when left out by a supervisor.</summary>
    public Guid? AgentId { get; init; }
}
