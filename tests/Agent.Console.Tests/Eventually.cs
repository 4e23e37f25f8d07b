using System.Diagnostics;

namespace Agent.Console.Tests;

/// <summary>Polls a condition until it holds or a deadline passes: for what happens on another thread or process.</summary>
internal static class Eventually
{
    public static async Task Async(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Waited {limit.TotalSeconds}s for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
