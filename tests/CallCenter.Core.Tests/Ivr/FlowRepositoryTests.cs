using CallCenter.Core.Ivr;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr;

public sealed class FlowRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime At = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Session_UpdateWithStaleTurn_ChangesNothing(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var sessions = services.GetRequiredService<IFlowSessionRepository>();
        var session = NewSession();
        Assert.True(await sessions.TryInsertAsync(session));

        var moved = await sessions.TryUpdateAsync(session with { Turn = 2, State = "{\"turn\":2}", Ended = true }, expectedTurn: 1);
        var stale = await sessions.TryUpdateAsync(session with { Turn = 2, State = "{\"stale\":true}" }, expectedTurn: 1);
        var stored = await sessions.FindAsync(session.SessionKey);

        Assert.Equal((true, false), (moved, stale));
        Assert.Equal((2, "{\"turn\":2}", true), (stored!.Turn, stored.State, stored.Ended));
        Assert.Equal(At, stored.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Session_InsertTwice_SecondReturnsFalse(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var sessions = services.GetRequiredService<IFlowSessionRepository>();
        var session = NewSession();

        var first = await sessions.TryInsertAsync(session);
        var second = await sessions.TryInsertAsync(session with { State = "{\"second\":true}" });

        Assert.Equal((true, false), (first, second));
        Assert.Equal(session.State, (await sessions.FindAsync(session.SessionKey))!.State);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Version_SavedTwice_KeepsTheFirstAndIsFoundByIdAndVersion(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var versions = services.GetRequiredService<IFlowVersionRepository>();
        var version = new StoredFlowVersion { FlowId = "repo-" + Guid.NewGuid().ToString("N")[..8], Version = "abcdef012345", FileName = "a.json", Content = "{}", ActivatedAt = At };

        await versions.SaveAsync(version);
        await versions.SaveAsync(version with { FileName = "b.json", ActivatedAt = At.AddHours(1) });
        var found = await versions.FindAsync(version.FlowId, version.Version);
        var other = await versions.FindAsync(version.FlowId, "000000000000");

        Assert.Equal(version, found);
        Assert.Null(other);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Outcome_StoredWithTheTurn_IsReadAloneAndNotByALosingWebhook(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var sessions = services.GetRequiredService<IFlowSessionRepository>();
        var outcomes = services.GetRequiredService<IIvrOutcomeReader>();
        var session = NewSession();
        var menu = new IvrOutcome { FlowId = "repo", Language = "zh-CN", MenuPath = ["1"], Steps = ["menu"] };
        var verified = menu with { Steps = ["menu", "verify"], Verification = IvrVerification.Verified };
        var withoutOutcome = NewSession();

        Assert.True(await sessions.TryInsertAsync(session with { Outcome = IvrOutcomeJson.Write(menu) }));
        Assert.True(await sessions.TryUpdateAsync(session with { Turn = 2, Outcome = IvrOutcomeJson.Write(verified) }, expectedTurn: 1));
        Assert.False(await sessions.TryUpdateAsync(session with { Turn = 2, Outcome = IvrOutcomeJson.Write(menu) }, expectedTurn: 1));
        Assert.True(await sessions.TryInsertAsync(withoutOutcome));

        var read = await outcomes.FindAsync(session.SessionKey);
        Assert.Equal(("repo", "zh-CN", IvrVerification.Verified), (read!.FlowId, read.Language, read.Verification));
        Assert.Equal(["menu", "verify"], read.Steps);
        Assert.Equal(["1"], read.MenuPath);
        Assert.Equal(IvrOutcomeJson.Write(verified), (await sessions.FindAsync(session.SessionKey))!.Outcome);
        Assert.Null(await outcomes.FindAsync(withoutOutcome.SessionKey));
    }

    private async Task<ServiceProvider> ServicesAsync(string engine) =>
        IvrServices.Create(await fixture.GetAsync(engine), new FakeTimeProvider(new DateTimeOffset(At)));

    private static StoredSession NewSession() => new()
    {
        SessionKey = "CA" + Guid.NewGuid().ToString("N"),
        Kind = "voice",
        FlowId = "repo",
        FlowVersion = "abcdef012345",
        State = "{}",
        Turn = 1,
        Ended = false,
        CreatedAt = At,
        UpdatedAt = At,
    };
}
