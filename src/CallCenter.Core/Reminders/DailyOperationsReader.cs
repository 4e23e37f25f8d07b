using CallCenter.Core.Data;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Reminders;

/// <summary>
/// Counts one local day (in <see cref="ReminderOptions.TimeZone"/>): reminders due and not withdrawn, confirmations
/// and cancellations (as audited, whoever made them: agents, the IVR, SMS replies), no-shows by visit time, and places
/// filled from the waitlist by an accepted offer.
/// </summary>
public sealed class DailyOperationsReader(IDbConnectionFactory db, IOptions<ReminderOptions> options)
{
    private const string CountsSql = """
        SELECT
          (SELECT COUNT(*) FROM appointment_reminder WHERE due_at >= @From AND due_at < @To AND status <> 'withdrawn') AS reminders_due,
          (SELECT COUNT(*) FROM audit_entry WHERE operation = 'appointment.confirmed' AND outcome = 'success' AND occurred_at >= @From AND occurred_at < @To) AS confirmed,
          (SELECT COUNT(*) FROM audit_entry WHERE operation = 'appointment.cancelled' AND outcome = 'success' AND occurred_at >= @From AND occurred_at < @To) AS cancelled,
          (SELECT COUNT(*) FROM appointment a JOIN slot s ON s.id = a.slot_id WHERE a.status = 'no-show' AND s.starts_at >= @From AND s.starts_at < @To) AS no_shows,
          (SELECT COUNT(*) FROM waitlist_offer WHERE status = 'accepted' AND answered_at >= @From AND answered_at < @To) AS waitlist_fills
        """;

    public async Task<DailyOperations> ReadAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        var from = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(CountsSql, new { From = from, To = to }, cancellationToken: cancellationToken));
        return new DailyOperations(day, options.Value.TimeZone, (int)row.RemindersDue, (int)row.Confirmed, (int)row.Cancelled, (int)row.NoShows, (int)row.WaitlistFills);
    }

    /// <summary>Yesterday in the hospital's time zone, as seen at <paramref name="now"/>.</summary>
    public DateOnly Yesterday(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date).AddDays(-1);
    }

    private sealed record Row
    {
        public long RemindersDue { get; init; }
        public long Confirmed { get; init; }
        public long Cancelled { get; init; }
        public long NoShows { get; init; }
        public long WaitlistFills { get; init; }
    }
}
