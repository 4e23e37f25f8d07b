namespace Ivr.Flows.Services;

/// <summary>The waiting line behind the IVR: queue figures, putting a call in line, callback requests.</summary>
public interface IQueueLine
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
