using System.Globalization;
using System.Text;

namespace CallCenter.Core.Reminders;

/// <summary>
/// One local day of reminders and write-back, for the supervisors' morning email. <see cref="RemindersDue"/> counts
/// reminders that fell due that day and were not withdrawn (sent ones, once the outbox reports sends).
/// </summary>
public sealed record DailyOperations(DateOnly Day, string TimeZone, int RemindersDue, int Confirmed, int Cancelled, int NoShows, int WaitlistFills)
{
    /// <summary>The report as CSV (UTF-8, comma-separated, one header line and one row).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append("day,time_zone,reminders_due,confirmed,cancelled,no_shows,waitlist_fills\r\n");
        csv.Append(CultureInfo.InvariantCulture, $"{Day:yyyy-MM-dd},{TimeZone},{RemindersDue},{Confirmed},{Cancelled},{NoShows},{WaitlistFills}\r\n");
        return csv.ToString();
    }
}
