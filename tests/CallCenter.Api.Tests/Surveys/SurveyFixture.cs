using System.Collections.Concurrent;
using CallCenter.Api.Tests.Desk.Support;

namespace CallCenter.Api.Tests.Surveys;

/// <summary>One desk hub per engine whose outbox texts through the in-hub carrier simulator; tests make their own rows.</summary>
public sealed class SurveyFixture : IAsyncLifetime
{
    public const string SmsFrom = "+861065550001";

    private readonly ConcurrentDictionary<string, Lazy<Task<DeskHub>>> _hubs = new();

    internal Task<DeskHub> GetAsync(string engine) =>
        _hubs.GetOrAdd(engine, e => new Lazy<Task<DeskHub>>(() => DeskHub.StartAsync(
            e, withCarrier: true, new Dictionary<string, string?> { ["Notifications:Sms:From"] = SmsFrom }))).Value;

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
