using CallCenter.Core.Queues;
using CallCenter.Core.Tests.Queues;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Wallboard;

/// <summary>The line's own changes (a call joins, leaves, asks for a callback) append their queue events once.</summary>
public sealed class QueueEventLineTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Enqueue_Repeated_AppendsOneEntered(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        var entry = QueueTestData.Entry(queue, T0);

        await queues.EnqueueAsync(entry);
        await queues.EnqueueAsync(entry with { Id = Guid.CreateVersion7(), EnqueuedAt = T0.AddSeconds(5) });

        var stored = Assert.Single(await QueueEventRows.ForCallAsync(services, entry.CallSid));
        Assert.Equal(("entered", queue, (Guid?)entry.Id, T0), (stored.Kind, stored.QueueName, stored.QueueEntryId, stored.OccurredAt));
        Assert.Equal((null, null, null, null), (stored.AgentId, stored.Position, stored.WaitMs, stored.TalkMs));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Leave_WhileWaiting_AppendsAbandonedWithPositionAndWaitOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        await queues.EnqueueAsync(QueueTestData.Entry(queue, T0));
        var behind = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0.AddSeconds(10)));
        await queues.EnqueueAsync(QueueTestData.Entry(queue, T0.AddSeconds(20)));
        var position = await queues.CountAheadAsync(behind) + 1;

        Assert.True(await queues.EndAsync(behind.CallSid, QueueStatuses.Left, "hangup", T0.AddSeconds(47)));
        Assert.False(await queues.EndAsync(behind.CallSid, QueueStatuses.Left, "hangup", T0.AddSeconds(50)));

        var events = await QueueEventRows.ForCallAsync(services, behind.CallSid);
        Assert.Equal(["entered", "abandoned"], events.Select(e => e.Kind));
        var abandoned = events[1];
        Assert.Equal((2L, 2), (abandoned.Position, position)); // the place CountAheadAsync gives, 1 = next
        Assert.Equal((37_000L, "hangup", T0.AddSeconds(47), (Guid?)behind.Id), (abandoned.WaitMs, abandoned.Detail, abandoned.OccurredAt, abandoned.QueueEntryId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Leave_TwoAtOnce_AppendsOneAbandoned(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        var entry = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0));

        var ended = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => Task.Run(() => queues.EndAsync(entry.CallSid, QueueStatuses.Left, "hangup", T0.AddSeconds(9)))));

        Assert.Single(ended, e => e);
        Assert.Single(await QueueEventRows.ForCallAsync(services, entry.CallSid), e => e.Kind == "abandoned");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddCallback_WhileWaiting_AppendsCallbackRequestedWithPlaceAndWaitOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        await queues.EnqueueAsync(QueueTestData.Entry(queue, T0));
        var asking = await queues.EnqueueAsync(QueueTestData.Entry(queue, T0.AddSeconds(30)));
        var request = QueueTestData.CallbackFor(asking, T0.AddSeconds(90));

        Assert.True(await queues.AddCallbackAsync(request, T0.AddSeconds(90)));
        Assert.False(await queues.AddCallbackAsync(request with { Id = Guid.CreateVersion7() }, T0.AddSeconds(95)));

        var events = await QueueEventRows.ForCallAsync(services, asking.CallSid);
        Assert.Equal(["entered", "callback-requested"], events.Select(e => e.Kind));
        var requested = events[1];
        Assert.Equal((2L, 60_000L, (Guid?)request.Id, (Guid?)asking.Id), (requested.Position, requested.WaitMs, requested.CallbackRequestId, requested.QueueEntryId));
    }
}
