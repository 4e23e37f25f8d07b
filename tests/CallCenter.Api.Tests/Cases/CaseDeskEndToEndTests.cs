using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Cases;
using CallCenter.Core.Desk.ScreenPop;
using CallCenter.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Cases;
using Notifications.Outbox;
using Notifications.Tests.Channels.Email;

namespace CallCenter.Api.Tests.Cases;

/// <summary>
/// A complaint from first call to escalation, nothing replaced: a patient calls the shipped hotline through the carrier
/// simulator, an agent takes the call at the desk (SignalR on WebSockets) and wraps up with the complaint disposition;
/// a case opens linked to the call; the patient's next call shows it in the screen-pop's open complaints; nobody
/// responds, and the escalation job emails the supervisors through the outbox to a real SMTP server, once per breach.
/// </summary>
public sealed class CaseDeskEndToEndTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ComplaintDisposition_OpensCaseInScreenPop_OverdueCaseEmailedOncePerBreach(string engine)
    {
        using var smtp = await SmtpRecorder.StartAsync();
        await using var hub = await LiveHub.StartAsync(engine, new Dictionary<string, string?>
        {
            ["Notifications:Email:Host"] = "127.0.0.1",
            ["Notifications:Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Email:Security"] = "None",
            ["Notifications:Email:FromAddress"] = "hub@hospital.test",
            ["Notifications:Email:FromName"] = "仁心医院",
            ["Cases:EscalationTo:0"] = "complaints-lead@hospital.test",
        });
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("赵丽", number, "zh-CN");
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("0");  // main menu: an agent
        var offer = await desk.OfferForAsync(phone.CallSid);
        Assert.Empty(offer.ScreenPop.OpenComplaints);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId)).Ok);
        await phone.WaitForAsync(c => c.Lines("connected").Any(), "the caller connected to the agent");
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), phone.CallSid)).Ok);
        await phone.WaitForStatusAsync("completed");
        await Polling.UntilAsync(() => Task.FromResult(desk.Ended.Any(e => e.CallSid == phone.CallSid)), e => e, "CallEnded at the desk");
        var wrapUp = new WrapUpRequest(phone.CallSid, "complaint-logged", "Waited two hours at the clinic; wants an apology.");
        var wrapped = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), wrapUp);
        var repeated = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), wrapUp);
        Assert.True(wrapped.Ok && repeated.Ok, wrapped.Reason ?? repeated.Reason);

        var listed = await CaseApi.ListAsync(data.Supervisor.Client, $"?patientId={patientId}");
        var opened = Assert.Single(listed);
        var details = await CaseApi.GetAsync(data.Supervisor.Client, opened.Id);
        Assert.Equal((CaseSources.Desk, "service", "medium", CaseStatuses.Open), (opened.Source, opened.Category, opened.Severity, opened.Status));
        Assert.Equal("Waited two hours at the clinic; wants an apology.", opened.Description);
        Assert.Equal((CaseLinkKinds.Call, phone.CallSid), (Assert.Single(details.Links).Kind, details.Links[0].Sid));

        var again = await SimulatedPhone.CallAsync(carrier, number);
        await again.PressAsync("0");
        var second = await desk.OfferForAsync(again.CallSid);
        var shown = Assert.Single(second.ScreenPop.OpenComplaints);
        Assert.Equal((opened.Id, ScreenPopBuilder.ComplaintCaseKind, "service", "medium", "open"), (shown.Id, shown.Kind, shown.Category, shown.Severity, shown.Status));
        await again.HangUpAsync();

        var escalation = hub.Factory.Services.GetRequiredService<CaseEscalationJob>();
        var dispatcher = hub.Factory.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await escalation.RunOnceAsync(CancellationToken.None));
        hub.Factory.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1)); // medium: first response within 8 hours
        var firstRun = await escalation.RunOnceAsync(CancellationToken.None);
        var secondRun = await escalation.RunOnceAsync(CancellationToken.None);
        await dispatcher.RunOnceAsync(CancellationToken.None);
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0), (firstRun, secondRun));
        var email = Assert.Single(smtp.Received());
        Assert.Equal(["complaints-lead@hospital.test"], email.EnvelopeTo);
        Assert.Equal("投诉升级 Complaint case 首次响应超时 first response overdue (medium)", email.Subject);
        Assert.Contains($"Complaint case {opened.Id} has missed its first-response due time.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("赵丽", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(number, email.Text, StringComparison.Ordinal);

        hub.Factory.Time.Advance(TimeSpan.FromDays(3)); // medium: resolution within 3 days
        Assert.Equal(1, await escalation.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await escalation.RunOnceAsync(CancellationToken.None));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, smtp.Received().Count);
        Assert.Equal("投诉升级 Complaint case 处理超时 resolution overdue (medium)", smtp.Received()[1].Subject);
        var supervisor = await hub.Factory.SignInAsAsync(Roles.Supervisor); // the first sign-in's token has expired meanwhile
        var escalated = await CaseApi.GetAsync(supervisor.Client, opened.Id);
        Assert.NotNull(escalated.Case.FirstResponseEscalatedAt);
        Assert.NotNull(escalated.Case.ResolutionEscalatedAt);
        Assert.Equal(2, escalated.Notes.Count(n => n.Kind == CaseNoteKinds.Escalated));
    }
}
