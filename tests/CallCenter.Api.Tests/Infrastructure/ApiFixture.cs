using System.Collections.Concurrent;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// One hub per engine for a test class (<c>IClassFixture&lt;ApiFixture&gt;</c>), each on its own fresh database.
/// Tests share it, so each makes its own rows and users.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ApiFactory>>> _hubs = new();

    public Task<ApiFactory> GetAsync(string engine) =>
        _hubs.GetOrAdd(engine, e => new Lazy<Task<ApiFactory>>(() => StartAsync(e))).Value;

    private static async Task<ApiFactory> StartAsync(string engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        var factory = new ApiFactory(database);
        _ = factory.Server; // Start the host now: migrations and the admin account run here.
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
