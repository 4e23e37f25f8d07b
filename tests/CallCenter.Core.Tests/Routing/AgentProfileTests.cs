using CallCenter.Core.Agents;
using CallCenter.Core.Common;
using CallCenter.Core.Tests.Agents;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Routing;

public sealed class AgentProfileTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Upsert_Twice_ReplacesEndpointAndSkills(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var profiles = services.GetRequiredService<IAgentProfileRepository>();
        var agent = await AgentTestData.AddAgentAsync(services);
        var defaults = await profiles.EffectiveAsync(agent);

        await profiles.UpsertAsync(Profile(agent, AgentEndpointKind.Client, "desk-1", new AgentSkill("zh", 4), new AgentSkill("en", 6)));
        await profiles.UpsertAsync(Profile(agent, AgentEndpointKind.Sip, "sip:desk1@pbx.example", new AgentSkill("yue", 8)));

        var stored = (await profiles.GetAsync(agent))!;
        Assert.True(defaults!.IsDefault);
        Assert.Equal((AgentEndpointKind.Sip, "sip:desk1@pbx.example", false), (stored.EndpointKind, stored.Endpoint, stored.IsDefault));
        Assert.Equal([new AgentSkill("yue", 8)], stored.Skills);
        Assert.Contains(await profiles.ListAsync(), p => p.UserId == agent);
        Assert.Null(await profiles.EffectiveAsync(Guid.NewGuid()));
    }

    [Theory]
    [InlineData(AgentEndpointKind.Client, "agent.one_2", null)]
    [InlineData(AgentEndpointKind.Client, "", "endpoint")]
    [InlineData(AgentEndpointKind.Number, "13800138000", null)]
    [InlineData(AgentEndpointKind.Number, "12", "endpoint")]
    [InlineData(AgentEndpointKind.Sip, "sip:alice@10.0.0.5:5060", null)]
    [InlineData(AgentEndpointKind.Sip, "alice@example.org", "endpoint")]
    public void Normalize_Endpoint_AcceptsOnlyItsKindsShape(AgentEndpointKind kind, string endpoint, string? errorField)
    {
        var errors = new Dictionary<string, List<string>>();

        var normalized = AgentProfileRules.Normalize(Profile(Guid.NewGuid(), kind, endpoint), Phones, errors);

        Assert.Equal(errorField is null ? [] : [errorField], errors.Keys);
        if (kind == AgentEndpointKind.Number && errorField is null)
        {
            Assert.Equal("+8613800138000", normalized.Endpoint);
        }
    }

    [Fact]
    public void Normalize_SkillsAndCapacity_ReportEachBadField()
    {
        var errors = new Dictionary<string, List<string>>();
        var profile = Profile(Guid.NewGuid(), AgentEndpointKind.Client, "a", new AgentSkill(" ZH ", 10), new AgentSkill("zh", 0), new AgentSkill("a b", 5))
            with { SmsCapacity = -1 };

        var normalized = AgentProfileRules.Normalize(profile, Phones, errors);

        Assert.Equal(["skills[1].proficiency", "skills[1].skill", "skills[2].skill", "smsCapacity"], errors.Keys.Order());
        Assert.Equal("zh", normalized.Skills[0].Skill);
    }

    private static readonly PhoneNumberNormalizer Phones = new(Microsoft.Extensions.Options.Options.Create(new PhoneOptions()));

    private static AgentProfile Profile(Guid agent, AgentEndpointKind kind, string endpoint, params AgentSkill[] skills) => new()
    {
        UserId = agent, EndpointKind = kind, Endpoint = endpoint, SmsCapacity = 3, Skills = skills,
    };
}
