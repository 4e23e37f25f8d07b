using System.Globalization;
using System.Text;
using CallCenter.Core.Reports;

namespace CallCenter.Api.Reports;

/// <summary>Reports as CSV (RFC 4180): a header row, invariant culture, fields quoted when they hold a comma, quote or line break.</summary>
internal static class ReportCsv
{
    public const string ContentType = "text/csv";

    public static string Queues(IEnumerable<QueueIntervalRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, "queue", "interval_start", "interval_end", "offered", "answered", "answered_within_threshold", "abandoned", "short_abandoned",
            "timed_out", "overflowed", "callbacks_requested", "service_level_percent", "average_speed_of_answer_seconds", "average_handle_seconds",
            "abandon_rate_percent", "longest_wait_seconds");
        foreach (var r in rows)
        {
            Line(csv, r.Queue, Time(r.IntervalStart), Time(r.IntervalEnd), Int(r.Offered), Int(r.Answered), Int(r.AnsweredWithinThreshold),
                Int(r.Abandoned), Int(r.ShortAbandoned), Int(r.TimedOut), Int(r.Overflowed), Int(r.CallbacksRequested), Number(r.ServiceLevelPercent),
                Number(r.AverageSpeedOfAnswerSeconds), Number(r.AverageHandleSeconds), Number(r.AbandonRatePercent), Number(r.LongestWaitSeconds));
        }

        return csv.ToString();
    }

    public static string Agents(IEnumerable<AgentIntervalRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, "agent_id", "agent_name", "interval_start", "interval_end", "handled", "average_handle_seconds", "talk_seconds", "wrap_up_seconds",
            "break_seconds", "available_seconds", "on_call_seconds", "occupancy_percent");
        foreach (var r in rows)
        {
            Line(csv, r.AgentId.ToString(), r.AgentName, Time(r.IntervalStart), Time(r.IntervalEnd), Int(r.Handled), Number(r.AverageHandleSeconds),
                Number(r.TalkSeconds), Number(r.WrapUpSeconds), Number(r.BreakSeconds), Number(r.AvailableSeconds), Number(r.OnCallSeconds),
                Number(r.OccupancyPercent));
        }

        return csv.ToString();
    }

    /// <summary>One field as CSV: quoted (quotes doubled) when it holds a comma, a quote or a line break.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture) : "";

    private static string Time(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
