namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// A call an agent has (or had) on the line: the voice path's view of the agent's work row (<c>desk_work</c>).
/// <see cref="Leg"/> counts the Dials of the agent's endpoint, so a webhook of an earlier Dial (before a hold) cannot
/// change the current one.
/// </summary>
public sealed record DeskCallRow
{
    public required string CallSid { get; init; }
    public required Guid OfferId { get; init; }
    public required Guid AgentId { get; init; }
    public required string QueueName { get; init; }
    public required string Status { get; init; }
    public required int Leg { get; init; }

    /// <summary>The outside number a caller is being transferred to (while transferring).</summary>
    public string? TransferTo { get; init; }
    public DateTime? ConnectedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public string? EndReason { get; init; }
    /// <summary>When the voice path started on the work (<c>call_started_at</c>).</summary>
    public required DateTime StartedAt { get; init; }
    public required int Version { get; init; }

    /// <summary>Whether the agent is still on the call (their part has not ended).</summary>
    public bool HasAgent => Status is DeskCallStatuses.Connecting or DeskCallStatuses.Connected or DeskCallStatuses.OnHold;
}
