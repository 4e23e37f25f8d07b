using System.Collections.Concurrent;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>One desk hub per engine for a test class; tests share it, so each makes its own agents, patients and calls.</summary>
public sealed class DeskFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DeskHub>>> _hubs = new();

    internal Task<DeskHub> GetAsync(string engine) =>
        _hubs.GetOrAdd(engine, e => new Lazy<Task<DeskHub>>(() => DeskHub.StartAsync(e))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var hub in _hubs.Values.Where(h => h.IsValueCreated))
        {
            try
            {
                await (await hub.Value).DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // Start-up failed; the test that used it already reported why.
            }
        }
    }
}
