using System.Collections.Concurrent;

namespace Notifications.Tests.Jobs;

/// <summary>
/// What the test jobs report to the test: each execution (by trigger), starts, cancellations, and a gate a job can
/// wait on. Shared by every scheduler a test starts, so two cluster nodes count into one place.
/// </summary>
public sealed class JobProbe
{
    private readonly ConcurrentQueue<string> _executions = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiters = new();
    private int _next;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool SawCancellation { get; set; }

    public IReadOnlyList<string> Executions => _executions.ToList();

    public void Executed(string triggerKey)
    {
        _executions.Enqueue(triggerKey);
        foreach (var waiter in _waiters.Values)
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> executions were counted.</summary>
    public async Task WaitForExecutionsAsync(int count)
    {
        while (_executions.Count < count)
        {
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var id = Interlocked.Increment(ref _next);
            _waiters[id] = waiter;
            if (_executions.Count >= count)
            {
                _waiters.TryRemove(id, out _);
                break;
            }

            await waiter.Task.WaitAsync(TestWait.Limit);
            _waiters.TryRemove(id, out _);
        }
    }
}
