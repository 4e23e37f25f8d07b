using Notifications.Jobs;

namespace Notifications.Tests.Jobs;

/// <summary>
/// Waits for something the scheduler does on its own threads. The limit only stops a broken test from hanging: no
/// test asserts how long anything took.
/// </summary>
internal static class TestWait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Polls until <paramref name="condition"/> holds, failing with <paramref name="what"/> at the limit.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The job's latest run once it has ended.</summary>
    public static async Task<JobRun> FinishedRunAsync(IJobRunRepository runs, Quartz.JobKey key) =>
        (await UntilAsync(
            () => runs.RecentAsync(key.Group, key.Name, 1),
            rows => rows.Count == 1 && rows[0].Outcome != JobRunOutcomes.Running,
            $"a finished run of {key}"))[0];
}
