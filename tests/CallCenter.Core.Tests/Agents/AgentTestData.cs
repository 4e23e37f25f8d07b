using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Agents;

/// <summary>An agent account of its own for each test: tests share a database.</summary>
internal static class AgentTestData
{
    public static async Task<Guid> AddAgentAsync(IServiceProvider services)
    {
        var user = new UserAccount
        {
            Id = Guid.NewGuid(), UserName = UniqueData.Name("agent"), DisplayName = "Agent", Role = Roles.Agent, PasswordHash = "x",
            CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        Assert.True(await services.GetRequiredService<IUserRepository>().TryCreateAsync(user));
        return user.Id;
    }
}
