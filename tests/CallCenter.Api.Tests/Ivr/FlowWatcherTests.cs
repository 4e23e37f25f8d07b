using CallCenter.Api.Ivr;
using CallCenter.Core.Ivr;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>The hub notices flow file edits by itself: the file watcher (after its debounce) or the periodic rescan.</summary>
public sealed class FlowWatcherTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FileWritten_WithoutExplicitReload_IsActivatedByTheWatcher(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = IvrHub.Start(database);
        var (file, number, flowId) = (TestFlows.FileName("watched"), TestFlows.Number(), "watched-" + Guid.NewGuid().ToString("N")[..8]);
        var activated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Registry.Reloaded += (_, snapshot) =>
        {
            if (snapshot.FindById(flowId) is not null)
            {
                activated.TrySetResult();
            }
        };

        await File.WriteAllTextAsync(Path.Combine(hub.FlowsPath, file), TestFlows.Gather(flowId, number));

        // The watcher's debounce and rescan run on the hub's fake clock: move it on until the watcher has reloaded.
        for (var step = 0; step < 500 && !activated.Task.IsCompleted; step++)
        {
            hub.Api.Time.Advance(TimeSpan.FromSeconds(new IvrOptions().RescanSeconds));
            await Task.WhenAny(activated.Task, Task.Delay(TimeSpan.FromMilliseconds(20)));
        }

        Assert.True(activated.Task.IsCompleted, "The watcher did not activate the new file.");
        Assert.Equal(flowId, hub.Registry.Current.Find(global::Ivr.Flows.Model.FlowKind.Voice, number)?.Flow.Id);
    }
}
