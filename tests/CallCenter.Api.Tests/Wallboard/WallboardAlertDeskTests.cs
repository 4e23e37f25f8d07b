using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Queues;
using CallCenter.Core.Wallboard;
using CallCenter.Core.Wallboard.Alerts;
using CallCenter.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Outbox;
using Notifications.Tests.Channels.Email;

namespace CallCenter.Api.Tests.Wallboard;

/// <summary>
/// Alerts from the real board of a real hub: calls waiting in a queue cross its thresholds; the alert reaches the
/// supervisors' desks (not the agents'), the email goes through the outbox to a real SMTP server at most once per
/// window (a critical passes a warning's window), and supervisors read the history.
/// </summary>
public sealed class WallboardAlertDeskTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WaitingCrossesThresholds_SupervisorsPushedAgentsNot_EmailRateLimitedToSmtp(string engine)
    {
        using var smtp = await SmtpRecorder.StartAsync();
        await using var hub = await DeskHub.StartAsync(engine, withCarrier: false, new Dictionary<string, string?>
        {
            ["Notifications:Email:Host"] = "127.0.0.1",
            ["Notifications:Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Email:Security"] = "None",
            ["Notifications:Email:FromAddress"] = "hub@hospital.test",
            ["Wallboard:AlertEmails:0"] = "floor-lead@hospital.test",
            ["Wallboard:AlertCheckSeconds"] = "0", // the test runs each pass itself
        });
        var queue = UniqueData.Name("queue");
        Assert.True(await hub.Services.GetRequiredService<IQueueSettingsRepository>().TryCreateAsync(new QueueSettings
        {
            Name = queue, DisplayName = "预约 Appointments", CreatedAt = hub.Now(),
            RequiredSkills = ["skill-no-agent-has"], // the calls stay waiting: nobody is offered them
            Thresholds = new QueueThresholds { WaitingWarning = 1, WaitingCritical = 3 },
        }));
        await using var supervisor = await hub.ConnectAgentAsync(Roles.Supervisor);
        await using var agent = await hub.ConnectAgentAsync();
        var supervisorAlerts = Listen(supervisor);
        var agentAlerts = Listen(agent);
        var check = hub.Services.GetRequiredService<WallboardAlertCheck>();
        var dispatcher = hub.Services.GetRequiredService<OutboxDispatcher>();

        var first = await hub.EnqueueAsync(queue, null);
        var warning = Assert.Single(await check.RunOnceAsync());
        Assert.Empty(await check.RunOnceAsync());
        await dispatcher.RunOnceAsync(CancellationToken.None);

        var pushed = await Polling.UntilAsync(() => Task.FromResult(supervisorAlerts.FirstOrDefault()), a => a is not null, "the alert at the supervisor's desk");
        Assert.Equal((warning.Id, queue, "预约 Appointments", "waiting", "warning", "normal", 1.0, (double?)1), (pushed!.Id, pushed.Queue, pushed.QueueDisplayName, pushed.Metric, pushed.Level, pushed.Previous, pushed.Value, pushed.Threshold));
        var email = Assert.Single(smtp.Received());
        Assert.Equal(["floor-lead@hospital.test"], email.EnvelopeTo);
        Assert.Equal("队列告警 Queue alert: 预约 Appointments 等待来电 calls waiting 警告 warning", email.Subject);
        Assert.Contains("Now: 1\nThreshold: 1\nBefore: normal", email.Text, StringComparison.Ordinal);

        // Pushes on one connection arrive in order: once the agent's desk has the state the supervisor set after the
        // alert, an alert sent to it would have arrived before.
        await agent.AvailableAsync();
        Assert.True((await supervisor.InvokeAsync(nameof(IAgentDeskHub.SetAgentStateAsync), new AgentStateRequest(agent.User.Id, "break", "coaching"))).Ok);
        await Polling.UntilAsync(() => Task.FromResult(agent.States.Any(s => s.Reason == "coaching")), f => f, "the break at the agent's desk");
        Assert.Empty(agentAlerts);

        await hub.LeaveAsync(first);
        var normal = Assert.Single(await NextPassAsync(hub, check));
        var second = await hub.EnqueueAsync(queue, null);
        var warningAgain = Assert.Single(await NextPassAsync(hub, check));
        var more = new[] { await hub.EnqueueAsync(queue, null), await hub.EnqueueAsync(queue, null) };
        var critical = Assert.Single(await NextPassAsync(hub, check));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal([(ThresholdLevel.Normal, false), (ThresholdLevel.Warning, false), (ThresholdLevel.Critical, true)],
            new[] { normal, warningAgain, critical }.Select(a => (a.Alert.Level, a.Emailed)));
        Assert.Equal(2, smtp.Received().Count);
        Assert.Equal("队列告警 Queue alert: 预约 Appointments 等待来电 calls waiting 严重 critical", smtp.Received()[1].Subject);
        await Polling.UntilAsync(() => Task.FromResult(supervisorAlerts.Count), n => n == 4, "four alerts at the supervisor's desk");

        using var api = hub.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await hub.SignInAsAsync(Roles.Supervisor)).Token);
        using var history = await api.GetFromJsonAsync<JsonDocument>("/api/wallboard/alerts?take=10");
        Assert.Equal(
            [("critical", true), ("warning", false), ("normal", false), ("warning", true)],
            history!.RootElement.EnumerateArray().Where(a => a.GetProperty("queue").GetString() == queue)
                .Select(a => (a.GetProperty("level").GetString(), a.GetProperty("emailed").GetBoolean())));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/wallboard/alerts?take=0")).StatusCode);
        using var agentApi = hub.CreateClient();
        agentApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await hub.SignInAsAsync(Roles.Agent)).Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await agentApi.GetAsync("/api/wallboard/alerts")).StatusCode);

        foreach (var callSid in more.Append(second))
        {
            await hub.LeaveAsync(callSid);
        }
    }

    /// <summary>The next pass, a check interval later (the history lists alerts newest first by time).</summary>
    private static Task<IReadOnlyList<WallboardAlertRecord>> NextPassAsync(DeskHub hub, WallboardAlertCheck check)
    {
        hub.Time.Advance(TimeSpan.FromSeconds(5));
        return check.RunOnceAsync();
    }

    private static ConcurrentQueue<DeskAlert> Listen(DeskClient desk)
    {
        var alerts = new ConcurrentQueue<DeskAlert>();
        desk.Connection.On<DeskAlert>(nameof(IAgentDeskClient.AlertRaised), alerts.Enqueue);
        return alerts;
    }
}
