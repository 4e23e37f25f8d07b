using CallCenter.Core.Queues;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Queues;

public sealed class QueueRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task QueueNames_AfterMigration_IncludeSeededQueues(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);

        var names = await services.GetRequiredService<IQueueRepository>().QueueNamesAsync();

        Assert.Superset(new HashSet<string> { "appointments", "test-results", "complaints", "general" }, names.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Enqueue_SameCallTwice_KeepsFirstEntry(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        var first = QueueTestData.Entry(queue, T0);

        var stored = await queues.EnqueueAsync(first);
        var repeat = await queues.EnqueueAsync(first with { Id = Guid.CreateVersion7(), EnqueuedAt = T0.AddMinutes(5), Priority = 9 });

        Assert.Equal(first.Id, stored.Id);
        Assert.Equal((first.Id, T0, 0), (repeat.Id, repeat.EnqueuedAt, repeat.Priority));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CountAhead_HigherPriorityJoinedLater_GoesFirst(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        var early = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0));
        var second = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0.AddMinutes(1)));
        var urgent = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0.AddMinutes(2), priority: 5));

        Assert.Equal(0, await queues.CountAheadAsync(urgent));
        Assert.Equal(1, await queues.CountAheadAsync(early));
        Assert.Equal(2, await queues.CountAheadAsync(second));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddCallback_ForWaitingCall_KeepsItsPlaceAheadOfLaterCallers(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        var first = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0));
        var later = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0.AddMinutes(3)));

        Assert.True(await queues.AddCallbackAsync(QueueTestData.CallbackFor(first, T0.AddMinutes(4)), T0.AddMinutes(4)));

        Assert.Equal(1, await queues.CountAheadAsync(later));
        var entry = await queues.FindByCallSidAsync(first.CallSid);
        Assert.Equal((QueueStatuses.Callback, T0.AddMinutes(4)), (entry!.Status, entry.EndedAt));
        var figures = await queues.FiguresAsync(queue);
        Assert.Equal((1, 1, later.EnqueuedAt), (figures.Waiting, figures.Callbacks, figures.OldestWaitingSince));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddCallback_Repeated_StoresOneAndKeepsFirst(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        var entry = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0));
        var request = QueueTestData.CallbackFor(entry, T0.AddMinutes(1));

        var first = await queues.AddCallbackAsync(request, T0.AddMinutes(1));
        var repeat = await queues.AddCallbackAsync(request with { Id = Guid.CreateVersion7(), Number = "+8613900000000" }, T0.AddMinutes(2));

        Assert.Equal((true, false), (first, repeat));
        var stored = await queues.FindCallbackAsync(entry.CallSid);
        Assert.Equal((request.Id, request.Number, T0), (stored!.Id, stored.Number, stored.PlaceEnqueuedAt));
        Assert.Equal(1, (await queues.FiguresAsync(queue)).Callbacks);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task End_WaitingCall_RecordsReasonAndOnlyOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        var entry = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0));

        var left = await queues.EndAsync(entry.CallSid, QueueStatuses.Left, "hangup", T0.AddMinutes(2));
        var again = await queues.EndAsync(entry.CallSid, QueueStatuses.Bridged, "agent", T0.AddMinutes(3));

        Assert.Equal((true, false), (left, again));
        var stored = await queues.FindByCallSidAsync(entry.CallSid);
        Assert.Equal((QueueStatuses.Left, "hangup", T0.AddMinutes(2)), (stored!.Status, stored.EndReason, stored.EndedAt));
        Assert.Equal(0, (await queues.FiguresAsync(queue)).Waiting);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task BridgedWaitsSince_OnlyRecentBridgedCalls_AreReturned(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        var old = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0));
        var recent = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0.AddMinutes(60)));
        var gaveUp = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0.AddMinutes(61)));
        await queues.EndAsync(old.CallSid, QueueStatuses.Bridged, "agent", T0.AddMinutes(1));
        await queues.EndAsync(recent.CallSid, QueueStatuses.Bridged, "agent", T0.AddMinutes(62));
        await queues.EndAsync(gaveUp.CallSid, QueueStatuses.Left, "hangup", T0.AddMinutes(63));

        var waits = await queues.BridgedWaitsSinceAsync(queue, T0.AddMinutes(30));

        Assert.Equal([TimeSpan.FromMinutes(2)], waits);
    }
}
