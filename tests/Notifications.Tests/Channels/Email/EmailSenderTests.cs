using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Notifications.Channels.Email;

namespace Notifications.Tests.Channels.Email;

/// <summary>The email channel against a real SMTP server (npm smtp-server) that the test starts and reads back.</summary>
public sealed class EmailSenderTests
{
    private const string User = "hub-mailer";
    private const string Password = "s3cret-smtp-password";
    private const string Patient = "wang.fang@patient.test";
    private const string Subject = "预约提醒：明天上午 9:30 心内科";
    private const string Text = "王芳您好，您预约了明天上午 9:30 的心内科门诊。回复 1 确认，2 取消。";
    private const string Html = "<p>王芳您好，您预约了<b>明天上午 9:30</b>的心内科门诊。</p>";

    [Fact]
    public async Task SendAsync_StartTlsWithLogin_ServerReceivesUtf8TextHtmlAndCsv()
    {
        using var certificate = TestCertificate.Create();
        using var smtp = await SmtpRecorder.StartAsync(User, Password, certificate);
        var logger = new RecordingLogger<EmailSender>();
        var sender = Sender(smtp.Port, EmailSecurity.StartTls, User, Password, certificate.Sha256, logger);
        var csv = Encoding.UTF8.GetBytes("日期,提醒,确认\n2026-12-06,120,87\n");

        var result = await sender.SendAsync(
            new EmailMessage
            {
                To = Patient,
                ToName = "王芳",
                Subject = Subject,
                TextBody = Text,
                HtmlBody = Html,
                Attachments = [new EmailAttachment("日报-2026-12-06.csv", "text/csv", csv)],
            },
            CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Sent, result.Outcome);
        var received = Assert.Single(smtp.Received());
        Assert.Equal(received.QueueId, result.ServerId);
        Assert.NotNull(result.MessageId);
        Assert.Contains(result.MessageId, received.Raw, StringComparison.Ordinal);
        Assert.True(received.Secure, "the session was not upgraded with STARTTLS");
        Assert.Equal(User, received.AuthenticatedUser);
        Assert.Equal("reminders@hospital.test", received.EnvelopeFrom);
        Assert.Equal([Patient], received.EnvelopeTo);
        Assert.Equal("仁心医院", received.FromName);
        Assert.Equal(Subject, received.Subject);
        Assert.Equal(Text, received.Text?.TrimEnd());
        Assert.Equal(Html, received.Html?.TrimEnd());
        Assert.StartsWith("multipart/mixed", received.ContentType, StringComparison.Ordinal);
        Assert.Contains("multipart/alternative", received.Raw, StringComparison.Ordinal);
        var attachment = Assert.Single(received.Attachments);
        Assert.Equal("日报-2026-12-06.csv", attachment.FileName);
        Assert.Equal("text/csv", attachment.ContentType);
        Assert.Equal(csv, attachment.Content);
        AssertNothingPersonalLogged(logger);
    }

    [Fact]
    public async Task SendAsync_PlainRelayWithoutLogin_IsSentAsPlainTextOnly()
    {
        using var smtp = await SmtpRecorder.StartAsync();
        var sender = Sender(smtp.Port, EmailSecurity.None);

        var result = await sender.SendAsync(new EmailMessage { To = Patient, Subject = Subject, TextBody = Text }, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Sent, result.Outcome);
        var received = Assert.Single(smtp.Received());
        Assert.False(received.Secure);
        Assert.Null(received.AuthenticatedUser);
        Assert.Equal(Subject, received.Subject);
        Assert.Equal(Text, received.Text?.TrimEnd());
        Assert.Null(received.Html);
        Assert.Empty(received.Attachments);
    }

    [Fact]
    public async Task SendAsync_WhenNoServerListens_ReturnsTransientFailure()
    {
        var logger = new RecordingLogger<EmailSender>();
        var sender = Sender(ClosedPort(), EmailSecurity.None, logger: logger);

        var result = await sender.SendAsync(new EmailMessage { To = Patient, Subject = Subject, TextBody = Text }, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.Equal("server-unreachable", result.Reason);
        AssertNothingPersonalLogged(logger);
    }

    [Fact]
    public async Task SendAsync_RecipientRefusedWith550_ReturnsPermanentFailure()
    {
        using var smtp = await SmtpRecorder.StartAsync(User, Password);
        var logger = new RecordingLogger<EmailSender>();
        var sender = Sender(smtp.Port, EmailSecurity.None, User, Password, logger: logger);

        var result = await sender.SendAsync(new EmailMessage { To = "reject.me@patient.test", Subject = Subject, TextBody = Text }, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("recipient-refused", result.Reason);
        Assert.Equal(550, result.SmtpStatus);
        Assert.Empty(smtp.Received());
        Assert.DoesNotContain(logger.Lines, line => line.Contains("reject.me", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_MailboxBusyWith451_ReturnsTransientFailure()
    {
        using var smtp = await SmtpRecorder.StartAsync();
        var sender = Sender(smtp.Port, EmailSecurity.None);

        var result = await sender.SendAsync(new EmailMessage { To = "busy@patient.test", Subject = Subject, TextBody = Text }, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.Equal(451, result.SmtpStatus);
        Assert.Empty(smtp.Received());
    }

    [Fact]
    public async Task SendAsync_WrongPassword_ReturnsTransientFailureAndSendsNothing()
    {
        using var smtp = await SmtpRecorder.StartAsync(User, Password);
        var logger = new RecordingLogger<EmailSender>();
        var sender = Sender(smtp.Port, EmailSecurity.None, User, "not-the-password", logger: logger);

        var result = await sender.SendAsync(new EmailMessage { To = Patient, Subject = Subject, TextBody = Text }, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.Equal("authentication-failed", result.Reason);
        Assert.Empty(smtp.Received());
        Assert.DoesNotContain(logger.Lines, line => line.Contains("not-the-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_StartTlsWithAnUntrustedCertificate_ReturnsTransientFailureAndSendsNothing()
    {
        using var certificate = TestCertificate.Create();
        using var smtp = await SmtpRecorder.StartAsync(User, Password, certificate);
        var sender = Sender(smtp.Port, EmailSecurity.StartTls, User, Password);

        var result = await sender.SendAsync(new EmailMessage { To = Patient, Subject = Subject, TextBody = Text }, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.Equal("tls-failed", result.Reason);
        Assert.Empty(smtp.Received());
    }

    [Fact]
    public async Task SendAsync_StartTlsRequiredButNotOffered_ReturnsTransientFailure()
    {
        using var smtp = await SmtpRecorder.StartAsync();
        var sender = Sender(smtp.Port, EmailSecurity.StartTls);

        var result = await sender.SendAsync(new EmailMessage { To = Patient, Subject = Subject, TextBody = Text }, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.Empty(smtp.Received());
    }

    [Fact]
    public async Task SendAsync_MalformedAddress_ReturnsPermanentFailureWithoutConnecting()
    {
        var sender = Sender(ClosedPort(), EmailSecurity.None);

        var result = await sender.SendAsync(new EmailMessage { To = "not an address", Subject = Subject, TextBody = Text }, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("invalid-address", result.Reason);
    }

    private static EmailSender Sender(
        int port, EmailSecurity security, string? user = null, string? password = null, string? trusted = null, RecordingLogger<EmailSender>? logger = null) =>
        new(
            Options.Create(new EmailOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Security = security,
                UserName = user,
                Password = password,
                FromAddress = "reminders@hospital.test",
                FromName = "仁心医院",
                TrustedCertificateSha256 = trusted,
                Timeout = TimeSpan.FromSeconds(30),
            }),
            TimeProvider.System,
            logger ?? new RecordingLogger<EmailSender>());

    private static void AssertNothingPersonalLogged(RecordingLogger<EmailSender> logger)
    {
        Assert.NotEmpty(logger.Lines);
        foreach (var line in logger.Lines)
        {
            Assert.DoesNotContain(Patient, line, StringComparison.Ordinal);
            Assert.DoesNotContain("王芳", line, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, line, StringComparison.Ordinal);
        }
    }

    /// <summary>A loopback port nothing listens on: bound, read and released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
