using CallCenter.Core.Data;
using CallCenter.Core.Wallboard;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Wallboard;

/// <summary>
/// Which queue a wrap-up counts for at the edges of the period read (WallboardReader): the call completed before the
/// period began, a call completed after it ended but before the wrap-up did, two calls completed at one instant.
/// </summary>
public sealed class WrapUpAttributionTests
{
    private static readonly DateTime From = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = From.AddMinutes(11);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task QueueCounts_WrapUpsAtThePeriodsEdges_CountForTheCallCompletedLastBeforeTheyEnded(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var services = database.CreateServices(new FakeTimeProvider(new DateTimeOffset(To.AddHours(1))));
        var agent = Guid.NewGuid();
        await using (var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO app_user (id, user_name, display_name, role, password_hash, failed_login_count, is_disabled, created_at) VALUES (@Id, 'edge-agent', 'edge-agent', 'agent', 'x', 0, @Disabled, @At)",
                new { Id = agent, Disabled = false, At = From.AddDays(-1) });
            await using var tx = await connection.BeginTransactionAsync();
            var log = services.GetRequiredService<IQueueEventLog>();
            async Task Completed(string queue, DateTime at) => await log.AppendAsync(connection, tx, new QueueEvent
            {
                Id = Guid.NewGuid(), QueueName = queue, Kind = QueueEventKind.Completed, CallSid = "CA" + Guid.NewGuid().ToString("N"), AgentId = agent, OccurredAt = at,
            });
            var version = 0;
            async Task State(string to, DateTime at) => await connection.ExecuteAsync(
                "INSERT INTO agent_state_event (id, user_id, from_state, to_state, reason, version, occurred_at) VALUES (@Id, @UserId, 'busy', @To, NULL, @Version, @At)",
                new { Id = Guid.NewGuid(), UserId = agent, To = to, Version = ++version, At = at }, tx);

            // 1: completed a second before the period, wrap-up 60 s inside it: "before".
            await Completed("before", From.AddSeconds(-1));
            await State("wrap-up", From);
            await State("available", From.AddSeconds(60));
            // 2: two calls completed at one instant: the greater name, "tie-b"; 30 s.
            await Completed("tie-b", From.AddMinutes(5));
            await Completed("tie-a", From.AddMinutes(5));
            await State("wrap-up", From.AddMinutes(5));
            await State("available", From.AddMinutes(5).AddSeconds(30));
            // 3: wrap-up from 10:00 into the period to 12:00, past its end; a call completed at 11:30 is the last: "after".
            await Completed("during", From.AddMinutes(10));
            await State("wrap-up", From.AddMinutes(10));
            await Completed("after", From.AddMinutes(11).AddSeconds(30));
            await State("available", From.AddMinutes(12));
            await tx.CommitAsync();
        }

        var counts = await services.GetRequiredService<IWallboardReader>().QueueCountsAsync(From, To);

        Assert.Equal(60_000, counts["before"].WrapUpMs);
        Assert.Equal(30_000, counts["tie-b"].WrapUpMs);
        Assert.Equal(0, counts["tie-a"].WrapUpMs);
        Assert.Equal(0, counts.GetValueOrDefault("during")?.WrapUpMs ?? 0);
        Assert.Equal(120_000, counts["after"].WrapUpMs);
    }
}
