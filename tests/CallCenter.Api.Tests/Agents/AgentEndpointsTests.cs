using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Core.Audit;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Agents;

public sealed class AgentEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PutProfile_Valid_StoresNormalizedProfileAndAudits(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var response = await admin.Client.PutAsJsonAsync($"/api/agents/{agent.User.Id}/profile", new
        {
            endpointKind = "number", endpoint = "138 0013 8000", smsCapacity = 5,
            skills = new[] { new { skill = "ZH", proficiency = 9 }, new { skill = "en", proficiency = 3 } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await admin.Client.GetFromJsonAsync<ProfileDto>($"/api/agents/{agent.User.Id}/profile");
        Assert.Equal(("number", "+8613800138000", 5, false), (profile!.EndpointKind, profile.Endpoint, profile.SmsCapacity, profile.IsDefault));
        Assert.Equal([("en", 3), ("zh", 9)], profile.Skills.Select(s => (s.Skill, s.Proficiency)));
        var trail = await hub.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(UserId: admin.User.Id), new Core.Common.PageRequest());
        Assert.Contains(trail.Items, e => e.Operation == "agent.profile.update" && e.Detail == $"agent {agent.User.Id}");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PutProfile_BadFields_Returns400NamingEachField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var response = await admin.Client.PutAsJsonAsync($"/api/agents/{agent.User.Id}/profile", new
        {
            endpointKind = "sip", endpoint = "alice@example", smsCapacity = 21,
            skills = new[] { new { skill = "zh", proficiency = 11 }, new { skill = "bad skill", proficiency = 2 } },
        });
        var badKind = await admin.Client.PutAsJsonAsync($"/api/agents/{agent.User.Id}/profile", new { endpointKind = "pager", endpoint = "x" });
        var badClient = await admin.Client.PutAsJsonAsync($"/api/agents/{agent.User.Id}/profile", new { endpointKind = "client", endpoint = "has space" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["endpoint", "skills[0].proficiency", "skills[1].skill", "smsCapacity"], (await ProblemReader.FieldsAsync(response)).Order());
        Assert.Equal(["endpointKind"], await ProblemReader.FieldsAsync(badKind));
        Assert.Equal(["endpoint"], await ProblemReader.FieldsAsync(badClient));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Profile_UnknownUser_Returns404AndNewAgentGetsDefaults(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var put = await admin.Client.PutAsJsonAsync($"/api/agents/{Guid.NewGuid()}/profile", new { endpointKind = "client", endpoint = "someone" });
        var get = await supervisor.Client.GetAsync($"/api/agents/{Guid.NewGuid()}/profile");
        var defaults = await supervisor.Client.GetFromJsonAsync<ProfileDto>($"/api/agents/{agent.User.Id}/profile");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (put.StatusCode, get.StatusCode));
        Assert.Equal(("client", agent.User.UserName, 3, true), (defaults!.EndpointKind, defaults.Endpoint, defaults.SmsCapacity, defaults.IsDefault));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Roster_AgentOnBreak_ShowsStateReasonTimeInStateAndSkills(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var never = await hub.SignInAsAsync(Roles.Agent);
        await hub.Services.GetRequiredService<IAgentProfileRepository>().UpsertAsync(new AgentProfile
        {
            UserId = agent.User.Id, EndpointKind = AgentEndpointKind.Client, Endpoint = "a1", SmsCapacity = 2, Skills = [new AgentSkill("zh", 7)],
        });
        var states = hub.Services.GetRequiredService<AgentStateService>();
        await states.ApplyAsync(agent.User.Id, AgentEvent.Of(AgentEventKind.SetAvailable), AgentEventSource.Agent);
        await states.ApplyAsync(agent.User.Id, AgentEvent.Break("training"), AgentEventSource.Agent);
        hub.Time.Advance(TimeSpan.FromSeconds(90));

        var roster = await supervisor.Client.GetFromJsonAsync<List<RosterDto>>("/api/agents");
        var forbidden = await agent.Client.GetAsync("/api/agents");
        var agentCannotEdit = await supervisor.Client.PutAsJsonAsync($"/api/agents/{agent.User.Id}/profile", new { endpointKind = "client", endpoint = "x" });

        var row = Assert.Single(roster!, r => r.UserId == agent.User.Id);
        Assert.Equal(("break", "training", 90), (row.State, row.Reason, row.TimeInStateSeconds));
        Assert.Equal([("zh", 7)], row.Skills.Select(s => (s.Skill, s.Proficiency)));
        var idle = Assert.Single(roster!, r => r.UserId == never.User.Id);
        Assert.Equal(("offline", (int?)null), (idle.State, idle.TimeInStateSeconds));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (forbidden.StatusCode, agentCannotEdit.StatusCode));
    }

    private sealed record SkillDto(string Skill, int Proficiency);

    private sealed record ProfileDto(string EndpointKind, string Endpoint, int SmsCapacity, List<SkillDto> Skills, bool IsDefault);

    private sealed record RosterDto(Guid UserId, string State, string? Reason, int? TimeInStateSeconds, List<SkillDto> Skills);
}
