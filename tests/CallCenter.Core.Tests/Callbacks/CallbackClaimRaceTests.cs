using CallCenter.Core.Callbacks;
using CallCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Callbacks;

/// <summary>
/// Exactly one dial in flight per callback, also with several hub processes: two claimers, each with its own service
/// provider and connections (as two hub processes on one database), race for the same due callback, 20 times.
/// </summary>
public sealed class CallbackClaimRaceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryClaim_TwoProcessesRaceForOneDueCallback_ExactlyOneWinsEveryRound(string engine)
    {
        var database = await fixture.GetAsync(engine);
        await using var first = Create(database);
        await using var second = Create(database);
        var one = first.GetRequiredService<ICallbackRepository>();
        var other = second.GetRequiredService<ICallbackRepository>();
        var now = Now.UtcDateTime;

        for (var round = 0; round < 20; round++)
        {
            var callback = NewDue(now);
            await one.AddAsync(callback);
            using var start = new ManualResetEventSlim();
            var tokens = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
            var claims = await Task.WhenAll(
                Task.Run(async () => { start.Wait(); return await one.TryClaimAsync(callback.Id, 0, tokens[0], now, now.AddMinutes(-2)); }),
                Task.Run(async () => { start.Wait(); return await other.TryClaimAsync(callback.Id, 0, tokens[1], now, now.AddMinutes(-2)); }),
                Task.Run(() => { start.Set(); return true; }));

            Assert.Equal(1, claims.Take(2).Count(won => won));
            var winner = tokens[Array.IndexOf(claims, true)];
            var stored = await one.FindAsync(callback.Id);
            Assert.Equal((CallbackStatuses.Claimed, winner, 1), (stored!.Status, stored.ClaimToken, stored.Version));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ClaimDue_TwoProcessesClaimBatchesTogether_EveryDueCallbackClaimedByExactlyOne(string engine)
    {
        var database = await fixture.GetAsync(engine);
        await using var first = Create(database);
        await using var second = Create(database);
        var one = first.GetRequiredService<ICallbackRepository>();
        var other = second.GetRequiredService<ICallbackRepository>();
        var now = Now.UtcDateTime.AddDays(1);
        var queue = "cb-batch-" + Guid.NewGuid().ToString("N")[..8];
        await AddQueueAsync(first, queue);
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            var callback = NewDue(now) with { QueueName = queue };
            await one.AddAsync(callback);
            ids.Add(callback.Id);
        }

        // Each claimer takes batches of 7 until it gets none; the two run at once.
        async Task<List<Guid>> ClaimAllAsync(ICallbackRepository repository)
        {
            var tokens = new List<Guid>();
            while (true)
            {
                var token = Guid.CreateVersion7();
                if (await repository.ClaimDueAsync(token, now, now.AddMinutes(-2), 7) == 0)
                {
                    return tokens;
                }

                tokens.Add(token);
            }
        }

        using var start = new ManualResetEventSlim();
        var claimers = new[] { Task.Run(() => { start.Wait(); return ClaimAllAsync(one); }), Task.Run(() => { start.Wait(); return ClaimAllAsync(other); }) };
        start.Set();
        var tokensByClaimer = await Task.WhenAll(claimers);

        var claimed = new List<Guid>();
        foreach (var token in tokensByClaimer.SelectMany(t => t))
        {
            var held = await one.ClaimedAsync(token);
            Assert.InRange(held.Count, 1, 7);
            claimed.AddRange(held.Where(c => c.QueueName == queue).Select(c => c.Id));
        }

        Assert.Equal(ids.Order(), claimed.Order());
        foreach (var id in ids)
        {
            var stored = await one.FindAsync(id);
            Assert.Equal((CallbackStatuses.Claimed, 1), (stored!.Status, stored.Version));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunDue_TwoProcessesRunTogether_EachDueCallbackFiredOnce(string engine)
    {
        var database = await fixture.GetAsync(engine);
        await using var first = Create(database);
        await using var second = Create(database);
        var now = Now.UtcDateTime;
        var queue = "cb-race-" + Guid.NewGuid().ToString("N")[..8];
        await AddQueueAsync(first, queue);
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            var callback = NewDue(now) with { QueueName = queue };
            await first.GetRequiredService<ICallbackRepository>().AddAsync(callback);
            ids.Add(callback.Id);
        }

        var runs = await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<CallbackRuns>().RunDueAsync()),
            Task.Run(() => second.GetRequiredService<CallbackRuns>().RunDueAsync()));

        // Agent-first: each went to the router's line exactly once, by one of the two.
        Assert.Equal(ids.Count, runs.Sum(r => r.Offered));
        var repository = first.GetRequiredService<ICallbackRepository>();
        foreach (var id in ids)
        {
            var stored = await repository.FindAsync(id);
            Assert.Equal((CallbackStatuses.Requested, null), (stored!.Status, stored.ClaimToken));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EndAttempt_RepeatedOrLate_ChangesNothingTheSecondTime(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine));
        var repository = services.GetRequiredService<ICallbackRepository>();
        var now = Now.UtcDateTime;
        var callback = NewDue(now);
        await repository.AddAsync(callback);
        var token = Guid.CreateVersion7();
        Assert.True(await repository.TryClaimAsync(callback.Id, 0, token, now, now.AddMinutes(-2)));
        Assert.True(await repository.StartDialAsync(callback.Id, token, now));

        Assert.True(await repository.EndAttemptAsync(callback.Id, 1, CallbackOutcomes.Busy, CallbackStatuses.Scheduled, now.AddMinutes(15), now));
        Assert.False(await repository.EndAttemptAsync(callback.Id, 1, CallbackOutcomes.Busy, CallbackStatuses.Scheduled, now.AddMinutes(30), now));

        var stored = await repository.FindAsync(callback.Id);
        Assert.Equal((CallbackStatuses.Scheduled, 1, CallbackOutcomes.Busy, now.AddMinutes(15)), (stored!.Status, stored.Attempts, stored.LastOutcome, stored.DueAt));
    }

    private static Callback NewDue(DateTime now)
    {
        var id = Guid.CreateVersion7();
        return new Callback
        {
            Id = id,
            CallSid = "callback:" + id.ToString("D"),
            QueueName = "general",
            Number = UniqueData.ChinaMobile(),
            Language = "zh-CN",
            PlaceEnqueuedAt = now,
            PlaceAt = now,
            Status = CallbackStatuses.Scheduled,
            CreatedAt = now,
            Source = CallbackSources.Api,
            DueAt = now,
        };
    }

    private static async Task AddQueueAsync(ServiceProvider services, string name)
    {
        var queues = services.GetRequiredService<CallCenter.Core.Queues.IQueueSettingsRepository>();
        Assert.True(await queues.TryCreateAsync(new CallCenter.Core.Queues.QueueSettings { Name = name, DisplayName = name, CreatedAt = Now.UtcDateTime }));
    }

    private ServiceProvider Create(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddCallCenterCore();
        services.AddSingleton<SilentRoutingSignal>();
        services.AddSingleton<CallCenter.Core.Desk.IRoutingSignal>(sp => sp.GetRequiredService<SilentRoutingSignal>());
        services.AddSingleton<CallCenter.Core.Queues.IQueueArrivalSignal>(sp => sp.GetRequiredService<SilentRoutingSignal>());
        services.AddSingleton<CallCenter.Core.Desk.Voice.DeskVoiceLinks>();
        Twilio.Protocol.TwilioProtocolServiceCollectionExtensions.AddTwilioProtocol(services);
        services.AddOptions<CallCenter.Core.Desk.Voice.DeskVoiceOptions>();
        services.AddCallbacks();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class SilentRoutingSignal : CallCenter.Core.Desk.IRoutingSignal, CallCenter.Core.Queues.IQueueArrivalSignal
    {
        public void Wake()
        {
        }

        public void WorkArrived()
        {
        }
    }
}
