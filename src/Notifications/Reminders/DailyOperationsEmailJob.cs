using System.Globalization;
using System.Text;
using CallCenter.Core.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifications.Channels.Email;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Reminders;

/// <summary>
/// At 07:00 hospital time, emails <c>Reminders:DailyReportTo</c> yesterday's reminders due, confirmations,
/// cancellations, no-shows and waitlist fills, with the same figures as a CSV attachment. A missed 07:00 is skipped
/// (a morning report at 15:00 is no use). A failed send fails the run, so the jobs API shows it.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class DailyOperationsEmailJob(
    DailyOperationsReader reader, IEmailSender email, IOptions<ReminderOptions> options, TimeProvider time, ILogger<DailyOperationsEmailJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily-operations-email", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recipients = options.Value.DailyReportTo;
        var progress = JobProgress.Start(context, logger, time, Math.Max(1, recipients.Count));
        var report = await reader.ReadAsync(reader.Yesterday(time.GetUtcNow()), cancellationToken);
        var message = Compose(report);
        var sent = 0;
        foreach (var to in recipients)
        {
            var result = await email.SendAsync(message with { To = to }, cancellationToken);
            if (!result.IsSent)
            {
                throw new InvalidOperationException($"The daily operations email was not sent: {result.Reason}.");
            }

            progress.Report(++sent);
        }

        LogSent(logger, report.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sent);
    }

    /// <summary>The email (addressed to no one yet): the figures as text and as CSV.</summary>
    public static EmailMessage Compose(DailyOperations report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var day = report.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Reminders and write-back on {day} ({report.TimeZone}):\n\n")
            .Append(CultureInfo.InvariantCulture, $"Reminders due: {report.RemindersDue}\n")
            .Append(CultureInfo.InvariantCulture, $"Confirmed: {report.Confirmed}\n")
            .Append(CultureInfo.InvariantCulture, $"Cancelled: {report.Cancelled}\n")
            .Append(CultureInfo.InvariantCulture, $"No-shows: {report.NoShows}\n")
            .Append(CultureInfo.InvariantCulture, $"Waitlist fills: {report.WaitlistFills}\n")
            .ToString();
        return new EmailMessage
        {
            To = string.Empty,
            Subject = $"运营日报 Daily operations {day}",
            TextBody = text,
            Attachments = [new EmailAttachment($"operations-{day}.csv", "text/csv", Encoding.UTF8.GetBytes(report.ToCsv()))],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily operations email for {Day} sent to {Recipients} recipients")]
    private static partial void LogSent(ILogger logger, string day, int recipients);
}
