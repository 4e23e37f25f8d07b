using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Callbacks;
using CallCenter.Core.Common;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Callbacks;

/// <summary>
/// /api/callbacks on a hub whose job scheduler runs: the callback job is in the store and fires a due callback on its
/// own; supervisors list (filtered, paged) and reassign, audited; bad input names the field.
/// </summary>
public sealed class CallbackEndpointsTests(ApiWithJobsFixture fixture) : IClassFixture<ApiWithJobsFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Jobs_DialEveryFewSecondsAndCheckEveryMinute_DialFiresADueCallbackOnItsOwn(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = (await hub.SignInAsAsync(Roles.Admin)).Client;
        using var jobs = JsonDocument.Parse(await admin.GetStringAsync("/api/jobs"));
        var callbackJobs = jobs.RootElement.EnumerateArray().Where(j => j.GetProperty("group").GetString() == "callbacks")
            .Select(j => (j.GetProperty("name").GetString(), j.GetProperty("schedule").GetString())).Order().ToList();
        Assert.Equal([("callback-dial", "every 00:00:05"), ("callback-dial-check", "every 00:01:00")], callbackJobs);

        var supervisor = (await hub.SignInAsAsync(Roles.Supervisor)).Client;
        var created = await supervisor.PostAsJsonAsync("/api/callbacks", new { number = UniqueData.ChinaMobile(), queue = "general", reason = "lab results" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Agent-first: the job hands it to the router's line (no agent is on, so it waits there).
        var fired = await Polling.UntilAsync(
            () => hub.Services.GetRequiredService<ICallbackRepository>().FindAsync(id),
            c => c?.Status is not (CallbackStatuses.Scheduled or CallbackStatuses.Claimed),
            "the callback fired by the scheduler");
        Assert.Equal(CallbackStatuses.Requested, fired!.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ListAndReassign_AsSupervisor_FiltersPagesMovesTheCallbackAndAudits(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var other = await hub.SignInAsAsync(Roles.Agent);
        var due = hub.Time.GetUtcNow().AddDays(2);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await agent.Client.PostAsJsonAsync("/api/callbacks", new { number = UniqueData.ChinaMobile(), queue = "test-results", dueAt = due.AddMinutes(i), reason = "result " + i });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var page = await supervisor.Client.GetFromJsonAsync<JsonElement>($"/api/callbacks?agentId={agent.User.Id}&queue=test-results&status=scheduled&pageSize=2");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("hasMore").GetBoolean());
        var ranged = await supervisor.Client.GetFromJsonAsync<JsonElement>(
            $"/api/callbacks?agentId={agent.User.Id}&dueFrom={Uri.EscapeDataString(due.AddSeconds(30).ToString("o"))}&dueTo={Uri.EscapeDataString(due.AddMinutes(5).ToString("o"))}");
        Assert.Equal(2, ranged.GetProperty("items").GetArrayLength());

        var moved = await supervisor.Client.PostAsJsonAsync($"/api/callbacks/{ids[0]}/reassign", new { agentId = other.User.Id });
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        var theirs = await other.Client.GetFromJsonAsync<JsonElement>("/api/callbacks/mine");
        Assert.Equal(ids[0], Assert.Single(theirs.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, (await agent.Client.GetFromJsonAsync<JsonElement>("/api/callbacks/mine")).GetArrayLength());

        var audit = await hub.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(UserId: supervisor.User.Id), new PageRequest());
        Assert.Contains(audit.Items, e => e.Operation == "callbacks.reassign" && e.Detail!.Contains(ids[0].ToString(), StringComparison.Ordinal));
        Assert.Contains(audit.Items, e => e.Operation == "callbacks.list");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task BadInput_AnswersProblemDetailsNamingTheField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = (await hub.SignInAsAsync(Roles.Supervisor)).Client;
        var agent = (await hub.SignInAsAsync(Roles.Agent)).Client;

        Assert.Equal(["status"], await FieldsAsync(await supervisor.GetAsync("/api/callbacks?status=sleeping")));
        Assert.Equal(["pageSize"], await FieldsAsync(await supervisor.GetAsync("/api/callbacks?pageSize=0")));
        Assert.Equal(["dueTo"], await FieldsAsync(await supervisor.GetAsync("/api/callbacks?dueFrom=2026-12-02T00:00:00Z&dueTo=2026-12-01T00:00:00Z")));
        Assert.Equal(["queue"], await FieldsAsync(await agent.PostAsJsonAsync("/api/callbacks", new { number = UniqueData.ChinaMobile(), queue = "nowhere" })));
        Assert.Equal(["number"], await FieldsAsync(await agent.PostAsJsonAsync("/api/callbacks", new { number = "call me", queue = "general" })));
        Assert.Equal(["dueAt"], await FieldsAsync(await agent.PostAsJsonAsync("/api/callbacks", new { number = UniqueData.ChinaMobile(), queue = "general", dueAt = "2020-01-01T00:00:00Z" })));
        Assert.Equal(["reason"], await FieldsAsync(await agent.PostAsJsonAsync("/api/callbacks", new { number = UniqueData.ChinaMobile(), queue = "general", reason = new string('x', 501) })));
        Assert.Equal(["agentId"], await FieldsAsync(await supervisor.PostAsJsonAsync($"/api/callbacks/{Guid.NewGuid()}/reassign", new { agentId = Guid.NewGuid() })));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync($"/api/callbacks/{Guid.NewGuid()}/reassign", new { agentId = (await hub.SignInAsAsync(Roles.Agent)).User.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/callbacks")).StatusCode);
    }

    private static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await ProblemReader.FieldsAsync(response);
    }
}
