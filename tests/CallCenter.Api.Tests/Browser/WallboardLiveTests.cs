using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using AgentDesk.Contracts;

namespace CallCenter.Api.Tests.Browser;

/// <summary>
/// A supervisor watches /wallboard in a real browser while a patient calls the shipped hotline through the carrier
/// simulator: the waiting call appears in the waiting tile, the agent who answers moves to "on a call" on the roster,
/// and when the hub stops the page says it is reconnecting; each within 2 s of the change.
/// </summary>
public sealed class WallboardLiveTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Wallboard_CallWaitsThenIsAnswered_TilesAndRosterFollowAndHubStopShowsReconnecting(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        await data.AddPatientAsync("林晓红", number, "zh-CN", UniqueData.Mrn());
        var supervisor = await hub.CreateUserAsync(Roles.Supervisor);
        await using var desk = await hub.ConnectAgentAsync();
        using var board = await WallboardBrowser.OpenAsync(hub.BaseAddress);
        await board.SignInAsync(supervisor.UserName, WallboardHubData.Password);
        await WallboardBrowser.UntilAsync(() => board.Text("value-waiting") == "0", "an empty board");

        using var carrier = hub.CreateHttpClient();
        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("0");  // main menu: an agent; nobody is available, so the call waits
        await hub.QueueEventAsync(phone.CallSid, "entered");
        await WallboardBrowser.ShowsWithinAsync(() => board.Text("value-waiting") == "1", "the waiting call");
        await WallboardBrowser.UntilAsync(() => board.Text("value-longest-wait") != "–", "the longest wait ticking");

        await desk.AvailableAsync();
        var offer = await desk.OfferForAsync(phone.CallSid);
        var accepted = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        Assert.True(accepted.Ok, accepted.Reason);
        await Polling.UntilAsync(
            async () => (await hub.Factory.Services.GetRequiredService<AgentStateService>().GetAsync(desk.User.Id))!.State,
            s => s == AgentState.Busy,
            "the agent on the call");
        await WallboardBrowser.ShowsWithinAsync(() => board.AgentState(desk.User.Id) == "busy", "the agent on a call");
        await WallboardBrowser.ShowsWithinAsync(() => board.Text("value-waiting") == "0", "nobody waiting");
        Assert.True(board.Driver.FindElement(By.Id("banner")).GetAttribute("hidden") is not null, "no banner while connected");

        var stopping = Task.Run(async () => await hub.Factory.DisposeAsync());
        await WallboardBrowser.ShowsWithinAsync(
            () => board.Driver.FindElement(By.Id("banner")) is { Displayed: true } banner && banner.Text.Contains("Reconnecting", StringComparison.Ordinal),
            "the reconnecting banner");
        await stopping;
    }
}
