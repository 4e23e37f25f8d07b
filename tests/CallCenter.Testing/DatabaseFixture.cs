using System.Collections.Concurrent;
using Xunit;

namespace CallCenter.Testing;

/// <summary>
/// One migrated database per engine for a test class (<c>IClassFixture&lt;DatabaseFixture&gt;</c>), made on first
/// use. Tests share it, so each test makes its own rows (fresh IDs, unique phone numbers) and never assumes
/// an empty table.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TestDatabase>>> _databases = new();

    public Task<TestDatabase> GetAsync(string engine) =>
        _databases.GetOrAdd(engine, e => new Lazy<Task<TestDatabase>>(() => TestDatabase.CreateAsync(e))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values.Where(d => d.IsValueCreated))
        {
            try
            {
                await (await database.Value).DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // Creation failed; the test that used it already reported why.
            }
        }
    }
}
