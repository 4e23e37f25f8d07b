using CallCenter.Core.Queues;

namespace CallCenter.Core.Desk;

/// <summary>
/// The router's doorbell: anything may <see cref="Wake"/> it, the router <see cref="WaitAsync"/>s on it. Kept apart
/// from the router itself so that what rings (the voice path, the IVR, the desk) does not depend on what the router
/// depends on (the voice path, for overflow): no cycle, so no service lookups at run time.
/// </summary>
public sealed class RoutingSignal : IRoutingSignal, IQueueArrivalSignal, IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another caller rang at the same moment: one wake is enough.
        }
    }

    /// <summary>A call joined a queue (from the IVR, once its session is stored): route now.</summary>
    public void WorkArrived() => Wake();

    /// <summary>Completes when woken; many wakes before it is awaited count as one.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _wake.WaitAsync(cancellationToken);

    public void Dispose() => _wake.Dispose();
}
