using CallCenter.Api.Ivr;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Ivr;

public sealed class FlowRepositoryTests(IvrFixture fixture) : IClassFixture<IvrFixture>
{
    private static readonly DateTime At = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Session_UpdateWithStaleTurn_ChangesNothing(string engine)
    {
        var sessions = (await fixture.GetAsync(engine)).Api.Services.GetRequiredService<IFlowSessionRepository>();
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
        var sessions = (await fixture.GetAsync(engine)).Api.Services.GetRequiredService<IFlowSessionRepository>();
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
        var versions = (await fixture.GetAsync(engine)).Api.Services.GetRequiredService<IFlowVersionRepository>();
        var version = new StoredFlowVersion { FlowId = "repo-" + Guid.NewGuid().ToString("N")[..8], Version = "abcdef012345", FileName = "a.json", Content = "{}", ActivatedAt = At };

        await versions.SaveAsync(version);
        await versions.SaveAsync(version with { FileName = "b.json", ActivatedAt = At.AddHours(1) });
        var found = await versions.FindAsync(version.FlowId, version.Version);
        var other = await versions.FindAsync(version.FlowId, "000000000000");

        Assert.Equal(version, found);
        Assert.Null(other);
    }

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
