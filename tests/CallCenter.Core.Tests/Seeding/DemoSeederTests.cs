using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Seeding;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Seeding;

public sealed class DemoSeederTests
{
    private static readonly Dictionary<string, string?> SmallHospital = new()
    {
        ["Seed:Patients"] = "40",
        ["Seed:Appointments"] = "30",
        ["Seed:Days"] = "7",
    };

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Seed_OnEmptyDatabase_LoadsHospitalAndStaffThatCanSignIn(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var services = database.CreateServices(settings: SmallHospital);
        var console = new StringWriter();

        var seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync("demo-password-1", console);

        Assert.True(seeded);
        Assert.Equal(5, await CountAsync(services, "SELECT COUNT(*) FROM department"));
        Assert.Equal(20, await CountAsync(services, "SELECT COUNT(*) FROM doctor"));
        Assert.Equal(40, await CountAsync(services, "SELECT COUNT(*) FROM patient"));
        Assert.Equal(30, await CountAsync(services, "SELECT COUNT(*) FROM appointment"));
        Assert.True(await CountAsync(services, "SELECT COUNT(*) FROM slot") >= 20 * 4 * 28); // at least 4 weekdays in any 7 days
        Assert.True(await CountAsync(services, "SELECT COUNT(*) FROM patient WHERE preferred_language = 'en-US'") > 0);
        Assert.True(await CountAsync(services, "SELECT COUNT(*) FROM patient WHERE preferred_language = 'zh-CN'") > 0);
        var signIn = await services.GetRequiredService<AccountService>().SignInAsync("agent1", "demo-password-1");
        Assert.Equal(SignInOutcome.Succeeded, signIn.Outcome);
        Assert.Equal(Roles.Agent, signIn.User!.Role);
        Assert.DoesNotContain("demo-password-1", console.ToString(), StringComparison.Ordinal);
        var profile = await services.GetRequiredService<Core.Agents.IAgentProfileRepository>().GetAsync(signIn.User.Id);
        Assert.Equal((Core.Agents.AgentEndpointKind.Client, "agent1", 3), (profile!.EndpointKind, profile.Endpoint, profile.SmsCapacity));
        // The shipped hotline enqueues with its queues' skills: the seeded agent must be able to take every queue's calls.
        Assert.Equal(["appointments", "complaints", "en", "test-results", "zh"], profile.Skills.Select(s => s.Skill).Order());
    }

    [Fact]
    public async Task Seed_Twice_SeedsOnlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var services = database.CreateServices(settings: SmallHospital);
        var seeder = services.GetRequiredService<DemoSeeder>();

        await seeder.SeedAsync("demo-password-1", TextWriter.Null);
        var second = await seeder.SeedAsync("demo-password-1", TextWriter.Null);

        Assert.False(second);
        Assert.Equal(40, await CountAsync(services, "SELECT COUNT(*) FROM patient"));
    }

    [Fact]
    public async Task Seed_WithoutPassword_PrintsGeneratedPasswordOnce()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var services = database.CreateServices(settings: SmallHospital);
        var console = new StringWriter();

        await services.GetRequiredService<DemoSeeder>().SeedAsync(null, console);

        var password = console.ToString().Trim().Split(' ')[^1];
        Assert.Equal(20, password.Length);
        var signIn = await services.GetRequiredService<AccountService>().SignInAsync("supervisor1", password);
        Assert.Equal(SignInOutcome.Succeeded, signIn.Outcome);
        var wallboard = await services.GetRequiredService<AccountService>().SignInAsync("wallboard1", password);
        Assert.Equal((SignInOutcome.Succeeded, Roles.Wallboard), (wallboard.Outcome, wallboard.User?.Role));
    }

    private static async Task<long> CountAsync(IServiceProvider services, string sql)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
