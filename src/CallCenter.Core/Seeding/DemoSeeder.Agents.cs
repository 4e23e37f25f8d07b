using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Seeding;

public sealed partial class DemoSeeder
{
    private const int DemoSmsCapacity = 3;

    /// <summary>
    /// The hotline's skills (flows/hospital-hotline.json asks for them when it enqueues): agent1 holds them all, and
    /// each is held by at least two agents, so every hotline queue can be answered and a missed offer has somewhere
    /// to go.
    /// </summary>
    private static readonly string[][] HotlineSkills =
    [
        ["appointments", "test-results", "complaints"],
        ["appointments", "test-results"],
        ["appointments", "complaints"],
        ["test-results", "complaints"],
        ["appointments"],
    ];

    /// <summary>
    /// The demo agents reach the desk as client "agentN", hold the hotline's skills and speak Chinese and English with
    /// varied proficiency, so skills-proficiency queues have someone to prefer.
    /// </summary>
    private async Task SeedAgentProfilesAsync(CancellationToken cancellationToken)
    {
        var seeded = 0;
        foreach (var (userName, _, role) in DemoHospital.Staff)
        {
            if (role != Roles.Agent || await users.FindByUserNameAsync(userName, cancellationToken) is not { } user)
            {
                continue;
            }

            var n = seeded++;
            await agentProfiles.UpsertAsync(
                new AgentProfile
                {
                    UserId = user.Id, EndpointKind = AgentEndpointKind.Client, Endpoint = userName, SmsCapacity = DemoSmsCapacity,
                    Skills =
                    [
                        new AgentSkill("zh", 10 - (n % 4)), new AgentSkill("en", 4 + (n * 2 % 7)),
                        .. HotlineSkills[n % HotlineSkills.Length].Select((skill, i) => new AgentSkill(skill, 9 - i - (n % 3))),
                    ],
                },
                cancellationToken);
        }

        logger.LogInformation("Demo data: {Count} agent profiles", seeded);
    }
}
