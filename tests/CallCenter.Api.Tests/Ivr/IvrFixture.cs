using System.Collections.Concurrent;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>One IVR hub per engine for a test class, on a fresh database with an empty flow folder of its own.</summary>
public sealed class IvrFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(TestDatabase Database, IvrHub Hub)>>> _hubs = new();

    internal async Task<IvrHub> GetAsync(string engine) =>
        (await _hubs.GetOrAdd(engine, e => new Lazy<Task<(TestDatabase, IvrHub)>>(() => StartAsync(e))).Value).Hub;

    private static async Task<(TestDatabase, IvrHub)> StartAsync(string engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        return (database, IvrHub.Start(database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var hub in _hubs.Values.Where(h => h.IsValueCreated))
        {
            try
            {
                var (database, ivr) = await hub.Value;
                await ivr.DisposeAsync();
                await database.DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // Start-up failed; the test that used it already reported why.
            }
        }
    }
}
