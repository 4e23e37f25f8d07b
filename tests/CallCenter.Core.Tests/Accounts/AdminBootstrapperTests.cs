using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Accounts;

/// <summary>Each test needs a database with no accounts at all, so each makes its own.</summary>
public sealed class AdminBootstrapperTests
{
    private const string StrongPassword = "Configured-Admin-Password-1";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EnsureAdmin_WithConfiguredPassword_CreatesAdminWithIt(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var services = db.CreateServices();
        using var console = new StringWriter();

        var generated = await services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(StrongPassword, console);

        Assert.Null(generated);
        Assert.DoesNotContain(StrongPassword, console.ToString(), StringComparison.Ordinal);
        var signIn = await services.GetRequiredService<AccountService>().SignInAsync(AdminBootstrapper.AdminUserName, StrongPassword);
        Assert.Equal(SignInOutcome.Succeeded, signIn.Outcome);
        Assert.Equal(Roles.Admin, signIn.User!.Role);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EnsureAdmin_WithoutPassword_GeneratesOneAndShowsItOnlyOnce(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var services = db.CreateServices();
        var bootstrapper = services.GetRequiredService<AdminBootstrapper>();
        using var firstConsole = new StringWriter();
        using var secondConsole = new StringWriter();

        var generated = await bootstrapper.EnsureAdminAsync(null, firstConsole);
        var again = await bootstrapper.EnsureAdminAsync(null, secondConsole);

        Assert.NotNull(generated);
        Assert.True(generated.Length >= 20);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(firstConsole.ToString(), System.Text.RegularExpressions.Regex.Escape(generated)));
        Assert.Null(again);
        Assert.Empty(secondConsole.ToString());
        var signIn = await services.GetRequiredService<AccountService>().SignInAsync(AdminBootstrapper.AdminUserName, generated);
        Assert.Equal(SignInOutcome.Succeeded, signIn.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EnsureAdmin_WithWeakConfiguredPassword_ThrowsNamingTheVariableAndCreatesNothing(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var services = db.CreateServices();
        using var console = new StringWriter();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync("admin", console));

        Assert.Contains(AdminBootstrapper.PasswordVariable, error.Message, StringComparison.Ordinal);
        Assert.False(await services.GetRequiredService<IUserRepository>().AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EnsureAdmin_WhenAnAccountExists_CreatesNoAdmin(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var services = db.CreateServices();
        await services.GetRequiredService<AccountService>().CreateAsync("first-agent", "First Agent", Roles.Agent, StrongPassword);
        using var console = new StringWriter();

        var generated = await services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(null, console);

        Assert.Null(generated);
        Assert.Empty(console.ToString());
        Assert.Null(await services.GetRequiredService<IUserRepository>().FindByUserNameAsync(AdminBootstrapper.AdminUserName));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EnsureAdmin_CalledTwiceWithDifferentPasswords_KeepsTheFirstAdmin(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var services = db.CreateServices();
        var bootstrapper = services.GetRequiredService<AdminBootstrapper>();
        var accounts = services.GetRequiredService<AccountService>();

        await bootstrapper.EnsureAdminAsync(StrongPassword, TextWriter.Null);
        await bootstrapper.EnsureAdminAsync("Another-Strong-Password-2", TextWriter.Null);

        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync(AdminBootstrapper.AdminUserName, StrongPassword)).Outcome);
        Assert.Equal(SignInOutcome.InvalidCredentials, (await accounts.SignInAsync(AdminBootstrapper.AdminUserName, "Another-Strong-Password-2")).Outcome);
        var all = await services.GetRequiredService<IUserRepository>().ListAsync(new Core.Common.PageRequest(1, 10));
        Assert.Single(all.Items);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EnsureAdmin_TwoHubsAtOnce_CreateOneAdminAndShowOnePassword(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var first = db.CreateServices();
        await using var second = db.CreateServices();

        var results = await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(null, TextWriter.Null)),
            Task.Run(() => second.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(null, TextWriter.Null)));

        var all = await first.GetRequiredService<IUserRepository>().ListAsync(new Core.Common.PageRequest(1, 10));
        Assert.Single(all.Items);
        var shown = Assert.Single(results, r => r is not null);
        Assert.Equal(SignInOutcome.Succeeded, (await first.GetRequiredService<AccountService>().SignInAsync(AdminBootstrapper.AdminUserName, shown!)).Outcome);
    }
}
