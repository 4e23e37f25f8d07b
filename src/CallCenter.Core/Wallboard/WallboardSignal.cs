namespace CallCenter.Core.Wallboard;

/// <summary>
/// The wallboard's doorbell, as <see cref="Desk.RoutingSignal"/> is the router's: writers ring it after a commit, the
/// wallboard's broadcaster <see cref="WaitAsync"/>s on it. Many rings before the broadcaster wakes count as one.
/// </summary>
public sealed class WallboardSignal : IWallboardSignal, IDisposable
{
    private readonly SemaphoreSlim _changed = new(0, 1);

    public void Changed()
    {
        try
        {
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Rung twice at the same moment: one ring is enough.
        }
    }

    /// <summary>Completes when something changed since the last wait completed.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _changed.WaitAsync(cancellationToken);

    public void Dispose() => _changed.Dispose();
}
