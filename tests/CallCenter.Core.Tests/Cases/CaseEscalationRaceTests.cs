using CallCenter.Core.Accounts;
using CallCenter.Core.Cases;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Cases;

/// <summary>Opening is idempotent by origin, and a breach is marked escalated by exactly one of many racing transactions.</summary>
public sealed class CaseEscalationRaceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Open_SameOriginTwice_ReturnsTheFirstCase(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var cases = services.GetRequiredService<ComplaintCaseService>();
        var opening = Opening("survey:" + Guid.NewGuid().ToString("N"));

        var first = await cases.OpenAsync(Actor.System, opening);
        var repeat = await cases.OpenAsync(Actor.System, opening with { Description = "another text" });

        Assert.Equal((CaseOutcome.Ok, CaseOutcome.Ok), (first.Outcome, repeat.Outcome));
        Assert.Equal(first.Value!.Id, repeat.Value!.Id);
        Assert.Equal("Scored 1 of 5 for the pharmacy.", repeat.Value.Description);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryMarkEscalated_EightTransactionsRace_ExactlyOneWinsPerBreach(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var cases = services.GetRequiredService<ComplaintCaseService>();
        var repository = services.GetRequiredService<ICaseRepository>();
        var db = services.GetRequiredService<IDbConnectionFactory>();
        var opened = (await cases.OpenAsync(Actor.System, Opening(null) with { Severity = CaseSeverities.Critical })).Value!;
        _time.Advance(TimeSpan.FromMinutes(31));
        var breach = Assert.Single(await repository.BreachesAsync(_time.GetUtcNow().UtcDateTime, 1000), b => b.CaseId == opened.Id);
        Assert.Equal(CaseBreaches.FirstResponse, breach.Breach);

        var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var connection = await db.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var won = await repository.TryMarkEscalatedAsync(transaction, breach, _time.GetUtcNow().UtcDateTime);
            await transaction.CommitAsync();
            return won;
        })));

        Assert.Equal(1, wins.Count(w => w));
        Assert.DoesNotContain(await repository.BreachesAsync(_time.GetUtcNow().UtcDateTime, 1000), b => b.CaseId == opened.Id);
        Assert.Single(await repository.NotesAsync(opened.Id), n => n.Kind == CaseNoteKinds.Escalated);
    }

    private static CaseOpening Opening(string? origin) => new()
    {
        CallerNumber = UniqueData.ChinaMobile(),
        Category = "service",
        Severity = CaseSeverities.Medium,
        Description = "Scored 1 of 5 for the pharmacy.",
        Source = CaseSources.Survey,
        OriginKey = origin,
    };
}
