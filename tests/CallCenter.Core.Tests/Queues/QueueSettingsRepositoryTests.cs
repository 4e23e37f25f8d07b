using CallCenter.Core.Queues;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Queues;

public sealed class QueueSettingsRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Find_SeededQueue_HasMigrationDefaults(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);

        var queue = await services.GetRequiredService<IQueueSettingsRepository>().FindAsync("general");

        Assert.NotNull(queue);
        Assert.Equal(
            ("General enquiries", QueueStrategy.LongestIdle, 20, 600, QueueOverflowKind.None, (string?)null, 30, (DateTime?)null),
            (queue.DisplayName, queue.Strategy, queue.ServiceLevelSeconds, queue.MaxWaitSeconds, queue.OverflowKind, queue.OverflowQueue, queue.WrapUpSeconds, queue.UpdatedAt));
        Assert.Empty(queue.RequiredSkills);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithEverySetting_ReadsBackTheSame(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var service = services.GetRequiredService<QueueSettingsService>();
        var draft = Draft() with
        {
            RequiredSkills = ["cardiology", "mandarin"],
            Strategy = QueueStrategy.SkillsProficiency,
            ServiceLevelSeconds = 45,
            MaxWaitSeconds = 900,
            OverflowKind = QueueOverflowKind.Queue,
            OverflowQueue = "general",
            WrapUpSeconds = 0,
        };

        var result = await service.CreateAsync(draft);
        var stored = await services.GetRequiredService<IQueueSettingsRepository>().FindAsync(draft.Name);

        Assert.Equal(QueueSaveOutcome.Saved, result.Outcome);
        Assert.Equal(draft with { CreatedAt = T0, RequiredSkills = stored!.RequiredSkills }, stored);
        Assert.Equal(["cardiology", "mandarin"], stored.RequiredSkills);
        Assert.Contains(await services.GetRequiredService<IQueueSettingsRepository>().ListAsync(), q => q.Name == draft.Name);
        Assert.Contains(draft.Name, await services.GetRequiredService<IQueueRepository>().QueueNamesAsync());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_SameNameTwice_ReturnsDuplicate(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var service = services.GetRequiredService<QueueSettingsService>();
        var draft = Draft();
        await service.CreateAsync(draft);

        var again = await service.CreateAsync(draft with { DisplayName = "Other" });

        Assert.Equal(QueueSaveOutcome.Duplicate, again.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_OverflowToMissingQueue_IsInvalidNamingOverflowQueue(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var draft = Draft() with { OverflowKind = QueueOverflowKind.Queue, OverflowQueue = UniqueData.Name("missing") };

        var result = await services.GetRequiredService<QueueSettingsService>().CreateAsync(draft);

        Assert.Equal(QueueSaveOutcome.Invalid, result.Outcome);
        Assert.Equal(["overflowQueue"], result.Errors.Select(e => e.Field));
        Assert.Null(await services.GetRequiredService<IQueueSettingsRepository>().FindAsync(draft.Name));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_Existing_ReplacesSettingsAndStampsUpdatedAt(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var service = services.GetRequiredService<QueueSettingsService>();
        var draft = Draft();
        await service.CreateAsync(draft);
        _time.Advance(TimeSpan.FromMinutes(5));

        var result = await service.UpdateAsync(draft.Name, draft with { Strategy = QueueStrategy.RoundRobin, OverflowKind = QueueOverflowKind.Voicemail, WrapUpSeconds = 90 });
        var stored = await services.GetRequiredService<IQueueSettingsRepository>().FindAsync(draft.Name);

        Assert.Equal(QueueSaveOutcome.Saved, result.Outcome);
        Assert.Equal(
            (QueueStrategy.RoundRobin, QueueOverflowKind.Voicemail, 90, T0, (DateTime?)T0.AddMinutes(5)),
            (stored!.Strategy, stored.OverflowKind, stored.WrapUpSeconds, stored.CreatedAt, stored.UpdatedAt));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_OverflowClosingALoop_IsInvalidNamingOverflowQueue(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var service = services.GetRequiredService<QueueSettingsService>();
        var a = Draft();
        var b = Draft() with { OverflowKind = QueueOverflowKind.Queue, OverflowQueue = a.Name };
        var c = Draft() with { OverflowKind = QueueOverflowKind.Queue, OverflowQueue = b.Name };
        await service.CreateAsync(a);
        await service.CreateAsync(b);
        await service.CreateAsync(c);

        var loop = await service.UpdateAsync(a.Name, a with { OverflowKind = QueueOverflowKind.Queue, OverflowQueue = c.Name });
        var chain = await service.UpdateAsync(a.Name, a with { OverflowKind = QueueOverflowKind.Queue, OverflowQueue = "general" });

        Assert.Equal(QueueSaveOutcome.Invalid, loop.Outcome);
        Assert.Equal(["overflowQueue"], loop.Errors.Select(e => e.Field));
        Assert.Equal(QueueSaveOutcome.Saved, chain.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_MissingQueue_ReturnsNotFound(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);

        var result = await services.GetRequiredService<QueueSettingsService>().UpdateAsync(UniqueData.Name("missing"), Draft());

        Assert.Equal(QueueSaveOutcome.NotFound, result.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Delete_UnusedQueue_RemovesIt(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IQueueSettingsRepository>();
        var draft = Draft();
        await services.GetRequiredService<QueueSettingsService>().CreateAsync(draft);

        Assert.Equal(QueueDeleteOutcome.Deleted, await repository.DeleteAsync(draft.Name));
        Assert.Null(await repository.FindAsync(draft.Name));
        Assert.Equal(QueueDeleteOutcome.NotFound, await repository.DeleteAsync(draft.Name));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Delete_QueueWithAnEntry_ReturnsInUseAndKeepsIt(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IQueueSettingsRepository>();
        var queue = await QueueTestData.AddQueueAsync(services);
        await services.GetRequiredService<IQueueRepository>().EnqueueAsync(QueueTestData.Entry(queue, T0));

        Assert.Equal(QueueDeleteOutcome.InUse, await repository.DeleteAsync(queue));
        Assert.NotNull(await repository.FindAsync(queue));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Delete_QueueWithOnlyACallbackRequest_ReturnsInUse(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var queue = await QueueTestData.AddQueueAsync(services);
        var entry = QueueTestData.Entry(queue, T0);
        // A request without an entry row: the callback alone must keep the queue.
        await services.GetRequiredService<IQueueRepository>().AddCallbackAsync(QueueTestData.CallbackFor(entry, T0), T0);

        Assert.Equal(QueueDeleteOutcome.InUse, await services.GetRequiredService<IQueueSettingsRepository>().DeleteAsync(queue));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Delete_QueueAnotherOverflowsTo_ReturnsInUse(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var service = services.GetRequiredService<QueueSettingsService>();
        var target = Draft();
        await service.CreateAsync(target);
        await service.CreateAsync(Draft() with { OverflowKind = QueueOverflowKind.Queue, OverflowQueue = target.Name });

        Assert.Equal(QueueDeleteOutcome.InUse, await services.GetRequiredService<IQueueSettingsRepository>().DeleteAsync(target.Name));
    }

    private static QueueSettings Draft()
    {
        var name = UniqueData.Name("queue");
        return new QueueSettings { Name = name, DisplayName = "Queue " + name };
    }
}
