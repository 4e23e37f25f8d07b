using System.Text;
using CallCenter.Core.Reminders;
using Microsoft.Extensions.Options;
using Notifications.Channels.Email;
using Notifications.Reminders;
using Notifications.Tests.Channels.Email;

namespace Notifications.Tests.Reminders;

public sealed class DailyOperationsEmailTests
{
    [Fact]
    public async Task Compose_SentThroughARealSmtpServer_ArrivesWithTheFiguresAndTheCsv()
    {
        using var smtp = await SmtpRecorder.StartAsync();
        var report = new DailyOperations(new DateOnly(2026, 12, 6), "Asia/Shanghai", 120, 80, 12, 5, 3);
        var sender = new EmailSender(
            Options.Create(new EmailOptions
            {
                Host = "127.0.0.1", Port = smtp.Port, Security = EmailSecurity.None, FromAddress = "hub@hospital.test", FromName = "仁心医院", Timeout = TimeSpan.FromSeconds(30),
            }),
            TimeProvider.System,
            new RecordingLogger<EmailSender>());

        var result = await sender.SendAsync(DailyOperationsEmailJob.Compose(report) with { To = "supervisors@hospital.test" }, CancellationToken.None);

        Assert.True(result.IsSent);
        var received = Assert.Single(smtp.Received());
        Assert.Equal("运营日报 Daily operations 2026-12-06", received.Subject);
        Assert.Contains("No-shows: 5", received.Text, StringComparison.Ordinal);
        Assert.Contains("Waitlist fills: 3", received.Text, StringComparison.Ordinal);
        var csv = Assert.Single(received.Attachments);
        Assert.Equal(("operations-2026-12-06.csv", "text/csv"), (csv.FileName, csv.ContentType));
        Assert.Equal(report.ToCsv(), Encoding.UTF8.GetString(csv.Content));
    }
}
