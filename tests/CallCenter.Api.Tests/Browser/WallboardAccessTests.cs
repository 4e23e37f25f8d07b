using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using OpenQA.Selenium;

namespace CallCenter.Api.Tests.Browser;

/// <summary>
/// The read-only wallboard account watches the board while a known patient waits: it sees the call counted and
/// nothing of the patient, neither on the page nor in what the hub pushes. An agent who signs in on the page is
/// refused the board.
/// </summary>
public sealed class WallboardAccessTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WallboardAccount_SeesWaitingCallWithoutPatientData_AgentIsRefused(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var mrn = UniqueData.Mrn();
        await data.AddPatientAsync("欧阳明珠", number, "zh-CN", mrn, "VIP");
        var wallboard = await hub.CreateUserAsync(Roles.Wallboard);
        var agent = await hub.CreateUserAsync(Roles.Agent);
        var pushed = new List<string>();
        await using var listener = await ListenAsync(hub, wallboard.UserName, pushed);
        using var board = await WallboardBrowser.OpenAsync(hub.BaseAddress, "?lang=zh");
        await board.SignInAsync(wallboard.UserName, WallboardHubData.Password);
        await WallboardBrowser.UntilAsync(() => board.Text("value-waiting") == "0", "an empty board");

        using var carrier = hub.CreateHttpClient();
        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("0");
        await hub.QueueEventAsync(phone.CallSid, "entered");
        await WallboardBrowser.ShowsWithinAsync(() => board.Text("value-waiting") == "1", "the waiting call");

        Assert.Equal("排队中", board.Driver.FindElement(By.CssSelector("#tile-waiting .label")).Text);
        var national = number.TrimStart('+')[2..];
        lock (pushed)
        {
            Assert.Contains(pushed, p => p.Contains("\"waitingNow\":1", StringComparison.Ordinal));
            foreach (var what in new[] { board.Driver.PageSource, string.Join('\n', pushed) })
            {
                Assert.DoesNotContain("欧阳明珠", what, StringComparison.Ordinal);
                Assert.DoesNotContain(national, what, StringComparison.Ordinal);
                Assert.DoesNotContain(mrn, what, StringComparison.Ordinal);
                Assert.DoesNotContain(phone.CallSid, what, StringComparison.Ordinal);
            }
        }

        using var agentsPage = await WallboardBrowser.OpenAsync(hub.BaseAddress, "?lang=en");
        await agentsPage.SignInAsync(agent.UserName, WallboardHubData.Password);
        await WallboardBrowser.UntilAsync(() => agentsPage.Text("signin-error").Length > 0, "the refusal");
        Assert.Contains("may not watch the wallboard", agentsPage.Text("signin-error"), StringComparison.Ordinal);
        Assert.False(agentsPage.Driver.FindElement(By.Id("board")).Displayed);
    }

    /// <summary>A wallboard connection that keeps the raw JSON of every push, to look for what must not be in it.</summary>
    private static async Task<HubConnection> ListenAsync(LiveHub hub, string userName, List<string> pushed)
    {
        var token = await hub.Factory.SignInAsync(userName, WallboardHubData.Password);
        var bearer = token.DefaultRequestHeaders.Authorization!.Parameter;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hub.BaseAddress, "/hubs/wallboard"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult(bearer);
            })
            .Build();
        connection.On<JsonElement>("Snapshot", update =>
        {
            lock (pushed)
            {
                pushed.Add(update.GetRawText());
            }
        });
        await connection.StartAsync();
        return connection;
    }
}
