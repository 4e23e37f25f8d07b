namespace Ivr.Flows.Services;

/// <summary>The waiting line behind the IVR: queue figures, putting a call in line, callback requests.</summary>
public interface IQueueDesk
{
    /// <summary>Queue names that exist, for validation.</summary>
    Task<IReadOnlySet<string>> QueueNamesAsync(CancellationToken cancellationToken);

    Task<QueueStatus> StatusAsync(string queue, CancellationToken cancellationToken);

    /// <summary>Records the call as waiting in <paramref name="request"/>'s queue; repeated for the same call it changes nothing.</summary>
    Task<QueuePlacement> EnqueueAsync(QueueRequest request, CancellationToken cancellationToken);

    /// <summary>Where the call stands in its queue now, or null when it no longer waits.</summary>
    Task<QueuePlacement?> PlacementAsync(string callSid, CancellationToken cancellationToken);

    /// <summary>
    /// Turns the call's place in line into a callback request that keeps the place (its original enqueue time and
    /// priority). Repeated for the same call it changes nothing.
    /// </summary>
    Task RequestCallbackAsync(CallbackRequest request, CancellationToken cancellationToken);

    /// <summary>The call left its queue without reaching an agent (hung up, or moved on in the flow).</summary>
    Task LeaveAsync(string callSid, string reason, CancellationToken cancellationToken);
}

/// <summary>A queue's live figures. Estimated wait is seconds for a caller joining now.</summary>
public sealed record QueueStatus(string Queue, int Waiting, int AgentsAvailable, int EstimatedWaitSeconds, int LongestWaitSeconds);

/// <summary>A call joining a queue, with what routing needs (priority, skills) and the IVR's summary for the screen-pop.</summary>
public sealed record QueueRequest(
    string CallSid,
    string Queue,
    int Priority,
    IReadOnlyList<string> Skills,
    Guid? PatientId,
    string CallerNumber,
    string Language);

/// <summary>Where a call stands: its position (1 = next) and the estimated seconds left.</summary>
public sealed record QueuePlacement(string Queue, int Position, int EstimatedWaitSeconds, DateTimeOffset EnqueuedAt);

/// <summary>A request to be called back at <see cref="Number"/>, keeping the place in <see cref="Queue"/>.</summary>
public sealed record CallbackRequest(string CallSid, string Queue, string Number, Guid? PatientId, string Language);
