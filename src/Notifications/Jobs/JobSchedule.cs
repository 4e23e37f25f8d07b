using Quartz;

namespace Notifications.Jobs;

/// <summary>When a recurring job fires: a Quartz cron expression (with its time zone) or a fixed interval.</summary>
public sealed record JobSchedule
{
    private JobSchedule(string? cron, TimeZoneInfo? timeZone, TimeSpan? interval)
    {
        CronExpression = cron;
        TimeZone = timeZone;
        Interval = interval;
    }

    public string? CronExpression { get; }

    public TimeZoneInfo? TimeZone { get; }

    public TimeSpan? Interval { get; }

    /// <summary>A Quartz cron expression (seconds first: <c>0 30 3 * * ?</c> is 03:30 every day) in a time zone (UTC when null).</summary>
    public static JobSchedule Cron(string expression, TimeZoneInfo? timeZone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        if (!Quartz.CronExpression.TryParse(expression, out _))
        {
            throw new ArgumentException($"'{expression}' is not a valid Quartz cron expression.", nameof(expression));
        }

        return new JobSchedule(expression, timeZone ?? TimeZoneInfo.Utc, null);
    }

    /// <summary>Every <paramref name="interval"/>, the first firing one interval after the job is first scheduled.</summary>
    public static JobSchedule Every(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        return new JobSchedule(null, null, interval);
    }

    /// <summary>The schedule as the jobs API shows it: <c>cron 0 30 3 * * ? (UTC)</c> or <c>every 00:05:00</c>.</summary>
    public string Describe() => CronExpression is not null
        ? $"cron {CronExpression} ({TimeZone!.Id})"
        : $"every {Interval!.Value:c}";

    /// <summary>The schedule of a stored trigger, described the same way.</summary>
    internal static string Describe(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => $"cron {cron.CronExpressionString} ({cron.TimeZone.Id})",
        ISimpleTrigger simple when simple.RepeatCount != 0 => $"every {simple.RepeatInterval:c}",
        _ => "once",
    };
}
