using Microsoft.Extensions.Logging;
using Quartz;

namespace Notifications.Jobs;

/// <summary>
/// For a long run: tells Quartz how far the job has got (the jobs API shows it as "running now", and
/// <see cref="JobRunListener"/> keeps it in <c>job_run</c>), and logs a structured progress line at every tenth of the
/// work or every <see cref="LogEvery"/>, whichever comes first. Counts only: never pass personal data as the note.
/// </summary>
public sealed partial class JobProgress
{
    /// <summary>The longest a long run goes without a progress line in the log.</summary>
    public static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);

    private readonly IJobExecutionContext _context;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _total;
    private int _loggedPercent = -1;
    private DateTimeOffset _loggedAt;

    private JobProgress(IJobExecutionContext context, ILogger logger, TimeProvider time, long total)
    {
        _context = context;
        _logger = logger;
        _time = time;
        _total = total;
        _loggedAt = time.GetUtcNow();
    }

    /// <summary>Starts reporting for a run of <paramref name="total"/> items (0 when the total is not known yet).</summary>
    public static JobProgress Start(IJobExecutionContext context, ILogger logger, TimeProvider time, long total)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var progress = new JobProgress(context, logger, time, total);
        progress.Report(0, "started");
        return progress;
    }

    /// <summary><paramref name="done"/> of the total are done; <paramref name="note"/> is a short count-only line.</summary>
    public void Report(long done, string? note = null)
    {
        // An unknown total (0) reports 0% with the count in the note; the log line still says how many are done.
        var percent = _total == 0 ? 0 : (int)Math.Clamp(done * 100 / _total, 0, 100);
        _context.ReportProgress(percent, note ?? (_total == 0 ? $"{done} done" : $"{done} of {_total}"));

        var now = _time.GetUtcNow();
        if (percent / 10 > _loggedPercent / 10 || now - _loggedAt >= LogEvery)
        {
            _loggedPercent = percent;
            _loggedAt = now;
            LogProgress(_logger, _context.JobDetail.Key.Group, _context.JobDetail.Key.Name, done, _total, percent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobGroup}.{JobName} progress {Done}/{Total} ({Percent}%)")]
    private static partial void LogProgress(ILogger logger, string jobGroup, string jobName, long done, long total, int percent);
}
