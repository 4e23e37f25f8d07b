using CallCenter.Testing;
using Notifications.Outbox;
using Notifications.Tests.Infrastructure;

namespace Notifications.Tests.Outbox;

/// <summary>
/// A batch's outcomes are fenced row by row by the claim that took them, on every engine's write path (on PostgreSQL
/// the accepted rows are one statement over arrays, the rest one batch): a dispatcher whose lease ran out records
/// nothing, and the claim that took the rows over records all of its own.
/// </summary>
public sealed class OutcomeRecordingTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Record_AfterTheLeaseWasTakenOver_TheStaleClaimChangesNothingAndTheNewOneRecordsEveryRow(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var harness = await OutboxHarness.StartAsync(database);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(UniqueData.ChinaMobile(), "fenced " + i)));
        }

        var now = harness.Now;
        var stale = Ordered(await harness.Rows.ClaimDueAsync(Guid.NewGuid(), now, now.AddSeconds(5), 10, CancellationToken.None), ids);
        var later = now.AddSeconds(10);
        var taken = Ordered(await harness.Rows.ClaimDueAsync(Guid.NewGuid(), later, later.AddMinutes(1), 10, CancellationToken.None), ids);

        var staleRecorded = await harness.Rows.RecordAsync(Outcomes(stale, "SMstale", later), _ => null, later, CancellationToken.None);
        var takenRecorded = await harness.Rows.RecordAsync(Outcomes(taken, "SMtaken", later), _ => null, later, CancellationToken.None);

        Assert.Empty(staleRecorded);
        Assert.Equal(ids.Order(), takenRecorded.Select(o => o.Row.Id).Order());
        var rows = await Task.WhenAll(ids.Select(harness.RowAsync));
        Assert.Equal(
            [(NotificationStatuses.Queued, "SMtaken0", 1), (NotificationStatuses.Sent, "SMtaken1", 0), (NotificationStatuses.Pending, null, 0), (NotificationStatuses.Failed, null, 1)],
            rows.Select(r => (r.Status, r.CarrierId, r.Attempts)));
        Assert.Equal(later.AddHours(1), rows[2].NextAttemptAt, TimeSpan.FromSeconds(1));
    }

    private static List<Notification> Ordered(IReadOnlyList<Notification> claimed, List<Guid> ids) =>
        [.. ids.Select(id => claimed.Single(row => row.Id == id))];

    // Two accepted (one counted as an attempt, one found at the carrier), one deferred, one ended.
    private static List<DispatchOutcome> Outcomes(List<Notification> rows, string sidPrefix, DateTime now) =>
    [
        DispatchOutcome.Accepted(rows[0], sidPrefix + "0", NotificationStatuses.Queued, countAttempt: true),
        DispatchOutcome.Accepted(rows[1], sidPrefix + "1", NotificationStatuses.Sent, countAttempt: false),
        DispatchOutcome.Deferred(rows[2], now.AddHours(1), "quiet-hours"),
        DispatchOutcome.Ended(rows[3], NotificationStatuses.Failed, "rejected", countAttempt: true),
    ];
}
