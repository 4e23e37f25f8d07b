using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk;

/// <summary>
/// The whole loop, nothing replaced, over real HTTP: a patient calls the shipped hotline through the carrier
/// simulator and asks for an agent; the IVR enqueues them; the agent's desk (a SignalR client on WebSockets) gets
/// the offer with the patient's screen-pop and the IVR path; the agent accepts and the simulator connects the
/// caller to the agent's leg; the agent hangs up and wraps up; the patient's timeline shows the call with the
/// disposition and notes.
/// </summary>
public sealed class DeskEndToEndTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PatientCallsHotline_AgentTakesCallWithScreenPopAndWrapsUp_TimelineShowsCall(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("林晓红", number, "zh-CN", UniqueData.Mrn(), "VIP");
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("0");  // main menu: an agent
        var offer = await desk.OfferForAsync(phone.CallSid);

        Assert.Equal((DeskWorkKinds.Call, "general"), (offer.Kind, offer.Queue));
        Assert.Equal(patientId, offer.ScreenPop.Patient?.Id);
        Assert.Equal("林晓红", offer.ScreenPop.Patient!.FullName);
        Assert.Contains("VIP", offer.ScreenPop.Patient.Tags);
        Assert.Equal("zh-CN", offer.ScreenPop.Ivr?.Language);
        Assert.Equal(["0"], offer.ScreenPop.Ivr!.MenuPath);
        Assert.Contains("main-menu", offer.ScreenPop.Ivr.Steps);

        var accepted = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        Assert.True(accepted.Ok, accepted.Reason);
        var bridged = await phone.WaitForAsync(c => c.Lines("connected").Any(), "the caller connected to the agent");
        Assert.Equal(desk.User.UserName, Assert.Single(bridged.Lines("dial")).Text);
        await Polling.UntilAsync(() => Task.FromResult(desk.Connected.Any(c => c.CallSid == phone.CallSid)), c => c, "CallConnected at the desk");
        Assert.Equal(AgentState.Busy, await StateAsync(hub, desk.User.Id));

        var hungUp = await desk.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), phone.CallSid);
        Assert.True(hungUp.Ok, hungUp.Reason);
        await phone.WaitForStatusAsync("completed");
        var ended = await Polling.UntilAsync(() => Task.FromResult(desk.Ended.Where(e => e.CallSid == phone.CallSid).ToList()), e => e.Count > 0, "CallEnded at the desk");
        Assert.Equal("agent-hung-up", Assert.Single(ended).Reason);
        // One push per fact: the desk heard the call connected once (from the voice path), not again from the accept.
        Assert.Single(desk.Connected, c => c.CallSid == phone.CallSid);
        Assert.Equal(AgentState.WrapUp, await StateAsync(hub, desk.User.Id));

        var wrapped = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(phone.CallSid, "information-given", "Explained the lab opening hours."));
        Assert.True(wrapped.Ok, wrapped.Reason);
        Assert.Equal(AgentState.Available, await StateAsync(hub, desk.User.Id));

        using var timeline = JsonDocument.Parse(await data.Agent.Client.GetStringAsync($"/api/patients/{patientId}/timeline"));
        var summaries = timeline.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "call")
            .Select(i => i.GetProperty("summary").GetString())
            .ToList();
        Assert.Contains("information-given: Explained the lab opening hours.", summaries);
        Assert.DoesNotContain((await phone.ReadAsync()).Transcript, l => l.Kind == "error");
    }

    private static async Task<AgentState> StateAsync(LiveHub hub, Guid agentId) =>
        (await hub.Factory.Services.GetRequiredService<AgentStateService>().GetAsync(agentId))!.State;
}
