using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Desk;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk;

/// <summary>
/// Issue 15: disabling an account, changing its role or setting its password ends its live desk at once (offers
/// withdrawn, connections told and closed, tokens refused); another process refuses its hub calls at once and closes
/// its desk at the next sweep; a desk closes when its token runs out; routing skips a disabled account.
/// </summary>
public sealed class DeskSessionEndTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Disable_WhileOfferRings_OfferWithdrawnDeskClosedTokenRefused(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        var (agent, token) = await hub.SignInAsAsync(Roles.Agent);
        await using var desk = await hub.ConnectAsync(agent, token);
        var ended = Watch(desk);
        await desk.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, null);
        var offer = await desk.OfferForAsync(callSid);
        var (admin, api) = await AdminApiAsync(hub);

        var response = await api.PutAsJsonAsync($"/api/users/{agent.Id}", new { isDisabled = true });
        await ended.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await hub.LeaveAsync(callSid);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("signed-out", (await desk.WithdrawnAsync(offer.OfferId)).Reason);
        Assert.All(ended.SignedOut, s => Assert.Equal(admin.UserName, s.By)); // Told when the notice beats the close (best effort).
        Assert.Equal(AgentState.Offline, (await hub.Services.GetRequiredService<AgentStateService>().GetAsync(agent.Id))!.State);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerAsync(hub, token).GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RoleChangeAndPasswordSet_EachEndTheDesk_NewSignInWorks(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (_, api) = await AdminApiAsync(hub);
        var (agent, token) = await hub.SignInAsAsync(Roles.Agent);
        await using var first = await hub.ConnectAsync(agent, token);
        var firstEnded = Watch(first);

        var roleChange = await api.PutAsJsonAsync($"/api/users/{agent.Id}", new { role = Roles.Supervisor });
        await firstEnded.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var secondToken = await hub.TokenAsync(agent.UserName);
        await using var second = await hub.ConnectAsync(agent, secondToken);
        var secondEnded = Watch(second);
        var password = await api.PostAsJsonAsync($"/api/users/{agent.Id}/password", new { password = DeskHub.Password });
        await secondEnded.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var renamed = await api.PutAsJsonAsync($"/api/users/{agent.Id}", new { displayName = "Only a new name" });
        await using var third = await hub.ConnectAsync(agent, await hub.TokenAsync(agent.UserName));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.OK), (roleChange.StatusCode, password.StatusCode, renamed.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerAsync(hub, token).GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerAsync(hub, secondToken).GetAsync("/api/auth/me")).StatusCode);

        // A change that leaves role, password and the disabled flag alone ends nothing.
        Assert.Equal(agent.UserName, (await third.DeskAsync()).UserName);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task DisabledOnAnotherNode_HubCallRefusedAtOnce_SweepClosesTheDesk(string engine)
    {
        var keys = Directory.CreateTempSubdirectory("callcenter-keys-").FullName;
        var shared = new Dictionary<string, string?> { ["Auth:DataProtectionKeysPath"] = keys };
        await using var nodeA = await DeskHub.StartAsync(engine, withCarrier: false, shared);
        await using var nodeB = DeskHub.SecondNode(nodeA, shared);
        var (_, api) = await AdminApiAsync(nodeA);
        var (calling, callingToken) = await nodeB.SignInAsAsync(Roles.Agent);
        var (idle, idleToken) = await nodeB.SignInAsAsync(Roles.Agent);
        // WebSockets: authenticated once, as browsers and the console connect; a long poll would be re-checked per request.
        await using var callingDesk = await WebSocketDeskAsync(nodeB, calling, callingToken);
        await using var idleDesk = await WebSocketDeskAsync(nodeB, idle, idleToken);
        var callingEnded = Watch(callingDesk);
        var idleEnded = Watch(idleDesk);
        await callingDesk.AvailableAsync();

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/users/{calling.Id}", new { isDisabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/users/{idle.Id}", new { role = Roles.Supervisor })).StatusCode);

        // Node B has not swept yet: the next hub call of the disabled agent is refused all the same.
        await Assert.ThrowsAnyAsync<Exception>(() => callingDesk.InvokeAsync(nameof(IAgentDeskHub.SetStateAsync), new SetStateRequest("available")));
        await callingEnded.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(AgentState.Offline, (await nodeB.Services.GetRequiredService<AgentStateService>().GetAsync(calling.Id))!.State);
        Assert.Equal(HubConnectionState.Connected, idleDesk.Connection.State);

        await nodeB.Services.GetRequiredService<DeskSessionSweeper>().SweepAsync();

        await idleEnded.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(idleEnded.SignedOut, s => Assert.Equal(DeskSessionSweeper.Revoked, s.By));
        Directory.Delete(keys, recursive: true);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TokenRunsOut_DeskOnWebSocketsClosesAtTheSweep(string engine)
    {
        // Its own hub: the clock jumps by the token lifetime, which would end every other test's tokens.
        await using var hub = await DeskHub.StartAsync(engine);
        var (agent, token) = await hub.SignInAsAsync(Roles.Agent);
        await using var desk = await WebSocketDeskAsync(hub, agent, token);
        var ended = Watch(desk);
        var sweeper = hub.Services.GetRequiredService<DeskSessionSweeper>();

        Assert.Equal(0, await sweeper.SweepAsync());
        Assert.Equal(agent.UserName, (await desk.DeskAsync()).UserName);
        hub.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        await sweeper.SweepAsync();

        await ended.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(ended.SignedOut, s => Assert.Equal(DeskSessionSweeper.Expired, s.By));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Routing_SkipsADisabledAccountWhoseDeskIsStillOpen(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        await using var disabled = await hub.ConnectAgentAsync();
        await disabled.AvailableAsync();

        // Disabled behind the hub's back (as another process would): this process's desk stays open until its sweep.
        await hub.Services.GetRequiredService<IUserRepository>().UpdateAsync(disabled.User.Id, disabled.User.DisplayName, disabled.User.Role, isDisabled: true);
        await using var other = await hub.ConnectAgentAsync();
        await other.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, null);

        try
        {
            await other.OfferForAsync(callSid);
            Assert.DoesNotContain(disabled.Offers, o => o.CallSid == callSid);
        }
        finally
        {
            await hub.LeaveAsync(callSid);
        }
    }

    private sealed record Ending(ConcurrentQueue<DeskSignedOut> SignedOut, TaskCompletionSource<Exception?> Closed);

    private static Ending Watch(DeskClient desk)
    {
        var ending = new Ending(new ConcurrentQueue<DeskSignedOut>(), new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously));
        desk.Connection.On<DeskSignedOut>(nameof(IAgentDeskClient.SignedOut), ending.SignedOut.Enqueue);
        desk.Connection.Closed += error =>
        {
            ending.Closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        return ending;
    }

    private static async Task<DeskClient> WebSocketDeskAsync(DeskHub hub, UserAccount user, string token)
    {
        var desk = new DeskClient(hub.Connection(token: null, HttpTransportType.WebSockets, "?access_token=" + Uri.EscapeDataString(token)), user);
        desk.Listen();
        await desk.Connection.StartAsync();
        return desk;
    }

    private static async Task<(UserAccount User, HttpClient Api)> AdminApiAsync(DeskHub hub)
    {
        var (user, token) = await hub.SignInAsAsync(Roles.Admin);
        return (user, BearerAsync(hub, token));
    }

    private static HttpClient BearerAsync(DeskHub hub, string token)
    {
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
