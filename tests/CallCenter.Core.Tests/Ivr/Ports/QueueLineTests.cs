using CallCenter.Core.Queues;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

public sealed class QueueLineTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(IvrPortServices.Now);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task QueueNames_AreTheSeededQueues(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);

        var names = await services.GetRequiredService<IQueueLine>().QueueNamesAsync(CancellationToken.None);

        Assert.Superset(new HashSet<string> { "appointments", "test-results", "complaints", "general" }, names.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Enqueue_SameCallAgainLater_KeepsOriginalPlaceAndTime(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var line = services.GetRequiredService<IQueueLine>();
        var queue = await IvrPortServices.AddQueueAsync(services);
        var first = Request(queue);

        var placed = await line.EnqueueAsync(first, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await line.EnqueueAsync(Request(queue), CancellationToken.None);
        var again = await line.EnqueueAsync(first, CancellationToken.None);

        Assert.Equal(new QueuePlacement(queue, 1, 180, IvrPortServices.Now), placed);
        Assert.Equal(placed, again);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RequestCallback_FirstCaller_KeepsPlaceAheadOfLaterCallers(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var line = services.GetRequiredService<IQueueLine>();
        var queue = await IvrPortServices.AddQueueAsync(services);
        var first = Request(queue);
        await line.EnqueueAsync(first, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = Request(queue);
        await line.EnqueueAsync(second, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        await line.RequestCallbackAsync(new CallbackRequest(first.CallSid, queue, first.CallerNumber, null, "zh-CN"), CancellationToken.None);
        await line.RequestCallbackAsync(new CallbackRequest(first.CallSid, queue, "+8613900000000", null, "zh-CN"), CancellationToken.None);
        var joining = await line.EnqueueAsync(Request(queue), CancellationToken.None);

        Assert.Null(await line.PlacementAsync(first.CallSid, CancellationToken.None));
        Assert.Equal(2, (await line.PlacementAsync(second.CallSid, CancellationToken.None))!.Position);
        Assert.Equal(3, joining.Position);
        var callback = await services.GetRequiredService<IQueueRepository>().FindCallbackAsync(first.CallSid);
        Assert.Equal((IvrPortServices.Now.UtcDateTime, first.CallerNumber, 0), (callback!.PlaceEnqueuedAt, callback.Number, callback.Priority));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Placement_HigherPriority_JumpsAheadAndEstimateUsesRecentWaits(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var line = services.GetRequiredService<IQueueLine>();
        var queues = services.GetRequiredService<IQueueRepository>();
        var queue = await IvrPortServices.AddQueueAsync(services);
        var served = Request(queue);
        await line.EnqueueAsync(served, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(60));
        await queues.EndAsync(served.CallSid, QueueStatuses.Bridged, "agent", _time.GetUtcNow().UtcDateTime);
        var normal = Request(queue);
        await line.EnqueueAsync(normal, CancellationToken.None);

        var urgent = await line.EnqueueAsync(Request(queue) with { Priority = 10 }, CancellationToken.None);
        var pushedBack = await line.PlacementAsync(normal.CallSid, CancellationToken.None);

        Assert.Equal((1, 60), (urgent.Position, urgent.EstimatedWaitSeconds));
        Assert.Equal((2, 120), (pushedBack!.Position, pushedBack.EstimatedWaitSeconds));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Status_WithConfiguredHandleTime_CountsWaitingAndLongestWait(string engine)
    {
        var settings = new Dictionary<string, string?> { ["Ivr:Queues:DefaultHandleSeconds"] = "100" };
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time, settings);
        var line = services.GetRequiredService<IQueueLine>();
        var queue = await IvrPortServices.AddQueueAsync(services);
        await line.EnqueueAsync(Request(queue), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        await line.EnqueueAsync(Request(queue), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(15));

        var status = await line.StatusAsync(queue, CancellationToken.None);

        Assert.Equal(new QueueStatus(queue, 2, 0, 300, 45), status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Leave_WaitingCall_NoLongerPlacedAndOthersMoveUp(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var line = services.GetRequiredService<IQueueLine>();
        var queue = await IvrPortServices.AddQueueAsync(services);
        var leaving = Request(queue);
        await line.EnqueueAsync(leaving, CancellationToken.None);
        var staying = Request(queue);
        await line.EnqueueAsync(staying, CancellationToken.None);

        await line.LeaveAsync(leaving.CallSid, "hangup", CancellationToken.None);

        Assert.Null(await line.PlacementAsync(leaving.CallSid, CancellationToken.None));
        Assert.Equal(1, (await line.PlacementAsync(staying.CallSid, CancellationToken.None))!.Position);
        var entry = await services.GetRequiredService<IQueueRepository>().FindByCallSidAsync(leaving.CallSid);
        Assert.Equal((QueueStatuses.Left, "hangup"), (entry!.Status, entry.EndReason));
    }

    private static QueueRequest Request(string queue) =>
        new("CA" + Guid.NewGuid().ToString("N"), queue, 0, ["mandarin"], null, UniqueData.ChinaMobile(), "zh-CN");
}
