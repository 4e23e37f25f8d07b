namespace Notifications.Outbox;

/// <summary>Wakes the dispatcher when a row is enqueued in this process; it polls as well, for rows other processes write.</summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Dispose() => _wake.Dispose();

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Returns when woken or when <paramref name="poll"/> completes, whichever comes first.</summary>
    public async Task WaitAsync(Task poll, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _wake.WaitAsync(stop.Token);
        await Task.WhenAny(woken, poll);
        await stop.CancelAsync();
        try
        {
            await woken;
        }
        catch (OperationCanceledException)
        {
            // Not woken: the poll came first (or the host is stopping).
        }
    }
}
