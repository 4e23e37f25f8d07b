using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Agents;

/// <summary>Supervisors putting agents on break or offline and signing them out, through the API and the desk hub.</summary>
public sealed class AgentSupervisionTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Break_ByApi_AgentDeskGetsTheStateAndTheActionIsAudited(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        var (supervisor, api) = await SupervisorApiAsync(hub);

        var response = await api.PostAsJsonAsync($"/api/agents/{desk.User.Id}/state", new { state = "break", reason = "team briefing" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await response.Content.ReadFromJsonAsync<JsonDocument>();
        Assert.Equal(("break", "team briefing"), (body!.RootElement.GetProperty("state").GetString(), body.RootElement.GetProperty("reason").GetString()));
        await Polling.UntilAsync(() => Task.FromResult(desk.States.Any(s => s.State == "break" && s.Reason == "team briefing")), f => f, "break pushed to the desk");
        Assert.Contains(("agent.set-state", "success", $"agent {desk.User.Id} to break"), await AuditAsync(hub, supervisor.UserName));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SetState_BadInput_Returns400NamingTheField_UnknownAgent404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (user, _) = await hub.SignInAsAsync(Roles.Agent);
        var (_, api) = await SupervisorApiAsync(hub);

        var noReason = await api.PostAsJsonAsync($"/api/agents/{user.Id}/state", new { state = "break" });
        var badState = await api.PostAsJsonAsync($"/api/agents/{user.Id}/state", new { state = "available" });
        var noBody = await api.PostAsync($"/api/agents/{user.Id}/state", JsonContent.Create<object?>(null));
        var unknown = await api.PostAsJsonAsync($"/api/agents/{Guid.NewGuid()}/state", new { state = "offline" });
        var unknownSignOut = await api.PostAsync($"/api/agents/{Guid.NewGuid()}/sign-out", null);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noReason.StatusCode, badState.StatusCode, noBody.StatusCode));
        Assert.Equal(["reason"], await ProblemReader.FieldsAsync(noReason));
        Assert.Equal(["state"], await ProblemReader.FieldsAsync(badState));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, unknownSignOut.StatusCode));
        Assert.Equal(["agentId"], await ProblemReader.FieldsAsync(unknown));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OfflineAndSignOut_WhileOfferRingsOrOnACall_Return409AndChangeNothing(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        var (supervisor, api) = await SupervisorApiAsync(hub);
        var callSid = await hub.EnqueueAsync(queue, null);
        var offer = await desk.OfferForAsync(callSid);

        var offlineRinging = await api.PostAsJsonAsync($"/api/agents/{desk.User.Id}/state", new { state = "offline" });
        var signOutRinging = await api.PostAsync($"/api/agents/{desk.User.Id}/sign-out", null);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId)).Ok);
        var breakOnCall = await api.PostAsJsonAsync($"/api/agents/{desk.User.Id}/state", new { state = "break", reason = "lunch" });

        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict], new[] { offlineRinging.StatusCode, signOutRinging.StatusCode, breakOnCall.StatusCode });
        Assert.Equal("cannot go offline while an offer is ringing", await ProblemReader.DetailAsync(offlineRinging));
        Assert.Equal(["state"], await ProblemReader.FieldsAsync(breakOnCall));
        Assert.Equal("busy", (await desk.DeskAsync()).State.State);
        Assert.Contains(("agent.sign-out", "failed", $"agent {desk.User.Id} signed out: refused"), await AuditAsync(hub, supervisor.UserName));
        await hub.LeaveAsync(callSid);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignOut_ByApi_DeskToldAndClosed_OldTokenRefused_NewSignInWorks(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (agent, token) = await hub.SignInAsAsync(Roles.Agent);
        await using var desk = await hub.ConnectAsync(agent, token);
        var signedOut = new ConcurrentQueue<DeskSignedOut>();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        desk.Connection.On<DeskSignedOut>(nameof(IAgentDeskClient.SignedOut), signedOut.Enqueue);
        desk.Connection.Closed += error => { closed.TrySetResult(error); return Task.CompletedTask; };
        await desk.AvailableAsync();
        var (supervisor, api) = await SupervisorApiAsync(hub);

        var response = await api.PostAsync($"/api/agents/{agent.Id}/sign-out", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(supervisor.UserName, Assert.Single(signedOut).By);
        Assert.Equal("offline", (await hub.Services.GetRequiredService<CallCenter.Core.Agents.AgentStateService>().GetAsync(agent.Id))!.State.ToString().ToLowerInvariant());
        await using var again = hub.Connection(token);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var oldApi = hub.CreateClient();
        oldApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldApi.GetAsync("/api/auth/me")).StatusCode);
        await using var fresh = await hub.ConnectAsync(agent, await hub.TokenAsync(agent.UserName));
        Assert.Equal(agent.UserName, (await fresh.DeskAsync()).UserName);
        Assert.Contains(("agent.sign-out", "success", $"agent {agent.Id} signed out"), await AuditAsync(hub, supervisor.UserName));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task DeskHub_SupervisorPutsAgentOffline_AgentMayNotActOnOthers(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        await using var agentDesk = await hub.ConnectAgentAsync();
        await agentDesk.AvailableAsync();
        await using var otherAgent = await hub.ConnectAgentAsync();
        await using var supervisorDesk = await hub.ConnectAgentAsync(Roles.Supervisor);

        var byAgent = await otherAgent.InvokeAsync(nameof(IAgentDeskHub.SetAgentStateAsync), new AgentStateRequest(agentDesk.User.Id, "offline"));
        var signOutByAgent = await otherAgent.InvokeAsync(nameof(IAgentDeskHub.SignOutAgentAsync), agentDesk.User.Id);
        var noReason = await supervisorDesk.InvokeAsync(nameof(IAgentDeskHub.SetAgentStateAsync), new AgentStateRequest(agentDesk.User.Id, "break"));
        var unknown = await supervisorDesk.InvokeAsync(nameof(IAgentDeskHub.SetAgentStateAsync), new AgentStateRequest(Guid.NewGuid(), "offline"));
        var offline = await supervisorDesk.InvokeAsync(nameof(IAgentDeskHub.SetAgentStateAsync), new AgentStateRequest(agentDesk.User.Id, "offline"));
        var again = await supervisorDesk.InvokeAsync(nameof(IAgentDeskHub.SetAgentStateAsync), new AgentStateRequest(agentDesk.User.Id, "offline"));

        Assert.Equal((DeskErrors.Refused, DeskErrors.Refused), (byAgent.Error, signOutByAgent.Error));
        Assert.Equal((DeskErrors.Invalid, "reason"), (noReason.Error, noReason.Field));
        Assert.Equal((DeskErrors.NotFound, "agentId"), (unknown.Error, unknown.Field));
        Assert.True(offline.Ok, offline.Reason);
        Assert.Equal((DeskErrors.Refused, "state", "already offline"), (again.Error, again.Field, again.Reason));
        await Polling.UntilAsync(() => Task.FromResult(agentDesk.States.LastOrDefault()?.State == "offline"), f => f, "offline pushed to the agent");
    }

    private static async Task<(UserAccount User, HttpClient Api)> SupervisorApiAsync(DeskHub hub)
    {
        var (user, token) = await hub.SignInAsAsync(Roles.Supervisor);
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (user, client);
    }

    private const string AuditSql = "SELECT operation, outcome, detail FROM audit_entry WHERE user_name = @UserName";

    private static async Task<IReadOnlyList<(string Operation, string Outcome, string Detail)>> AuditAsync(DeskHub hub, string userName)
    {
        await using var connection = await hub.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<(string, string, string)>(AuditSql, new { UserName = userName })).AsList();
    }
}
