using System.Collections.Concurrent;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// One hub per engine with its job scheduler running (<see cref="ApiFixture"/>'s hubs start without one), for the
/// jobs API tests and for tests that walk every route.
/// </summary>
public sealed class ApiWithJobsFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ApiFactory>>> _hubs = new();

    public Task<ApiFactory> GetAsync(string engine) =>
        _hubs.GetOrAdd(engine, e => new Lazy<Task<ApiFactory>>(() => StartAsync(e))).Value;

    private static async Task<ApiFactory> StartAsync(string engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        var factory = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["Jobs:StartScheduler"] = "true",
            ["Jobs:IdleWaitSeconds"] = "1",
        });
        _ = factory.Server;
        return factory;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var hub in _hubs.Values.Where(h => h.IsValueCreated))
        {
            try
            {
                var factory = await hub.Value;
                await factory.DisposeAsync();
                await factory.Database.DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // Start-up failed; the test that used it already reported why.
            }
        }
    }
}
