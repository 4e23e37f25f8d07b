using System.Net;
using System.Net.Sockets;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Outbox;
using Notifications.Templates;
using Notifications.Tests.Infrastructure;

namespace Notifications.Tests.Channels.Email;

/// <summary>Email rows of the outbox, dispatched over the real SMTP server (tools/smtp-recorder) on every engine.</summary>
public sealed class EmailOutboxTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Subject = "预约提醒：{{appointmentTime}} {{department}}";
    private const string Body = "{{patientName}}您好，您预约了{{appointmentTime}}的{{department}}门诊。";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_TemplatedChineseEmail_ArrivesOnceWithTheServersQueueIdAsCarrierId(string engine)
    {
        using var smtp = await SmtpRecorder.StartAsync();
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine), Email(smtp.Port));
        var saved = await harness.Hub.GetRequiredService<TemplateService>().SaveAsync(
            Actor.Ivr, new TemplateInput(NotificationPurposes.AppointmentReminder, NotificationChannels.Email, "zh-CN", Subject, Body));
        Assert.Empty(saved.Errors);
        var to = UniqueData.Name("patient") + "@patient.test";
        var id = await harness.Outbox.EnqueueAsync(new OutboundMessage
        {
            Channel = NotificationChannels.Email, Purpose = NotificationPurposes.AppointmentReminder, Recipient = to, Language = "zh-CN",
            Variables = new Dictionary<string, string> { ["patientName"] = "王芳", ["appointmentTime"] = "12月8日 09:30", ["department"] = "心内科" },
        });

        await harness.DispatchAllAsync();
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.DispatchAllAsync();

        var received = Assert.Single(smtp.Received());
        var row = await harness.RowAsync(id);
        Assert.Equal([to], received.EnvelopeTo);
        Assert.Equal("预约提醒：12月8日 09:30 心内科", received.Subject);
        Assert.Equal("王芳您好，您预约了12月8日 09:30的心内科门诊。", received.Text?.TrimEnd());
        Assert.Equal((NotificationStatuses.Sent, 1, received.QueueId), (row.Status, row.Attempts, row.CarrierId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_SmtpServerDown_RetriesWithBackoffThenFailsAtTheCapAndKeepsTheRow(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine), new Dictionary<string, string?>(Email(ClosedPort()))
        {
            ["Notifications:Outbox:MaxAttempts"] = "3",
            ["Notifications:Outbox:RetryBaseDelay"] = "00:00:10",
        });
        var id = await harness.Outbox.EnqueueAsync(new OutboundMessage
        {
            Channel = NotificationChannels.Email, Purpose = NotificationPurposes.AppointmentReminder, Recipient = "li.na@patient.test",
            Subject = "复诊提醒", Body = "李娜您好，请于明天上午复诊。",
        });

        await harness.DispatchAllAsync();
        var first = await harness.RowAsync(id);
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await harness.DispatchAllAsync();
        var second = await harness.RowAsync(id);
        harness.Time.Advance(TimeSpan.FromSeconds(20));
        await harness.DispatchAllAsync();
        var last = await harness.RowAsync(id);

        Assert.Equal((NotificationStatuses.Pending, 1, "smtp-server-unreachable"), (first.Status, first.Attempts, first.Error));
        Assert.Equal(first.UpdatedAt.AddSeconds(10), first.NextAttemptAt);
        Assert.Equal((NotificationStatuses.Pending, 2), (second.Status, second.Attempts));
        Assert.Equal(second.UpdatedAt.AddSeconds(20), second.NextAttemptAt);
        Assert.Equal((NotificationStatuses.Failed, 3, "smtp-server-unreachable"), (last.Status, last.Attempts, last.Error));
        Assert.Equal("李娜您好，请于明天上午复诊。", last.Body);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_ServerDropsTheConnectionAfterTheData_FailsTheRowAsUnknownWithoutSendingAgain(string engine)
    {
        using var smtp = await SmtpRecorder.StartAsync();
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine), Email(smtp.Port));
        var id = await harness.Outbox.EnqueueAsync(new OutboundMessage
        {
            Channel = NotificationChannels.Email, Purpose = NotificationPurposes.AppointmentReminder, Recipient = "vanish.zhang@patient.test",
            Subject = "检查结果已出", Body = "张伟您好，您的检查结果已出，请登录查看。",
        });

        await harness.DispatchAllAsync();
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.DispatchAllAsync();

        Assert.Single(smtp.Received());
        var row = await harness.RowAsync(id);
        Assert.Equal((NotificationStatuses.Failed, 1, "email-outcome-unknown"), (row.Status, row.Attempts, row.Error));
    }

    private static Dictionary<string, string?> Email(int port) => new()
    {
        ["Notifications:Email:Host"] = "127.0.0.1",
        ["Notifications:Email:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Email:Security"] = "None",
        ["Notifications:Email:FromAddress"] = "reminders@hospital.test",
        ["Notifications:Email:FromName"] = "仁心医院",
    };

    /// <summary>A loopback port nothing listens on: bound, read and released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
