using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Seeding;

public sealed partial class DemoSeeder
{
    private const int DemoSmsCapacity = 3;

    /// <summary>
    /// The demo agents reach the desk as client "agentN" and speak Chinese and English with varied proficiency,
    /// so skills-proficiency queues have someone to prefer.
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
                    Skills = [new AgentSkill("zh", 10 - (n % 4)), new AgentSkill("en", 4 + (n * 2 % 7))],
                },
                cancellationToken);
        }

        logger.LogInformation("Demo data: {Count} agent profiles", seeded);
    }
}
