using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Accounts;

public sealed class AccountServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Password = "Right-Password-1";
    private const int MaxFailedLogins = 3;
    private const int LockoutMinutes = 10;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Accounts:MaxFailedLogins"] = MaxFailedLogins.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Accounts:LockoutMinutes"] = LockoutMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignIn_AfterMaxFailedLogins_IsLockedOutEvenWithRightPassword(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var (accounts, user) = await CreateUserAsync(services);

        for (var i = 0; i < MaxFailedLogins; i++)
        {
            Assert.Equal(SignInOutcome.InvalidCredentials, (await accounts.SignInAsync(user.UserName, "wrong-password")).Outcome);
        }

        var result = await accounts.SignInAsync(user.UserName, Password);

        Assert.Equal(SignInOutcome.LockedOut, result.Outcome);
        Assert.Null(result.User);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddMinutes(LockoutMinutes), result.LockedUntil);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignIn_OneFailureShortOfLimit_IsNotLocked(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var (accounts, user) = await CreateUserAsync(services);

        for (var i = 0; i < MaxFailedLogins - 1; i++)
        {
            await accounts.SignInAsync(user.UserName, "wrong-password");
        }

        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync(user.UserName, Password)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignIn_WhenLockoutEnds_SucceedsAgain(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var (accounts, user) = await CreateUserAsync(services);
        await LockAsync(accounts, user);

        _time.Advance(TimeSpan.FromMinutes(LockoutMinutes) - TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync(user.UserName, Password)).Outcome);

        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await accounts.SignInAsync(user.UserName, Password);

        Assert.Equal(SignInOutcome.Succeeded, result.Outcome);
        Assert.Equal(user.Id, result.User!.Id);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignIn_WrongPasswordAfterLockoutEnds_DoesNotLockAgainAtOnce(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var (accounts, user) = await CreateUserAsync(services);
        await LockAsync(accounts, user);
        _time.Advance(TimeSpan.FromMinutes(LockoutMinutes));

        await accounts.SignInAsync(user.UserName, "wrong-password");

        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync(user.UserName, Password)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignIn_Success_ResetsFailedCountAndRecordsLastLogin(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var (accounts, user) = await CreateUserAsync(services);
        var users = services.GetRequiredService<IUserRepository>();
        for (var i = 0; i < MaxFailedLogins - 1; i++)
        {
            await accounts.SignInAsync(user.UserName, "wrong-password");
        }

        Assert.Equal(MaxFailedLogins - 1, (await users.FindByIdAsync(user.Id))!.FailedLoginCount);

        await accounts.SignInAsync(user.UserName, Password);
        var stored = (await users.FindByIdAsync(user.Id))!;

        Assert.Equal(0, stored.FailedLoginCount);
        Assert.Null(stored.LockoutEndAt);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, stored.LastLoginAt);

        // The count starts again: the limit minus one further failures still do not lock.
        for (var i = 0; i < MaxFailedLogins - 1; i++)
        {
            await accounts.SignInAsync(user.UserName, "wrong-password");
        }

        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync(user.UserName, Password)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignIn_DisabledAccount_IsRefused(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var (accounts, user) = await CreateUserAsync(services);
        await services.GetRequiredService<IUserRepository>().UpdateAsync(user.Id, user.DisplayName, user.Role, isDisabled: true);

        var right = await accounts.SignInAsync(user.UserName, Password);
        var wrong = await accounts.SignInAsync(user.UserName, "wrong-password");

        Assert.Equal(SignInOutcome.Disabled, right.Outcome);
        Assert.Null(right.User);
        // A wrong password on a disabled account says no more than a wrong password.
        Assert.Equal(SignInOutcome.InvalidCredentials, wrong.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignIn_UnknownUser_IsInvalidCredentials(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var accounts = services.GetRequiredService<AccountService>();

        var result = await accounts.SignInAsync(UniqueData.Name("nobody"), Password);

        Assert.Equal(SignInOutcome.InvalidCredentials, result.Outcome);
        Assert.Null(result.User);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignIn_UserNameInOtherCase_Succeeds(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var (accounts, user) = await CreateUserAsync(services);

        var result = await accounts.SignInAsync(user.UserName.ToUpperInvariant(), Password);

        Assert.Equal(SignInOutcome.Succeeded, result.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignIn_ConcurrentWrongPasswords_AreAllCounted(string engine)
    {
        const int attempts = 12;
        await using var services = await ServicesAsync(engine, new Dictionary<string, string?> { ["Accounts:MaxFailedLogins"] = "100" });
        var (accounts, user) = await CreateUserAsync(services);

        await Task.WhenAll(Enumerable.Range(0, attempts).Select(_ => Task.Run(() => accounts.SignInAsync(user.UserName, "wrong-password"))));

        var stored = await services.GetRequiredService<IUserRepository>().FindByIdAsync(user.Id);
        Assert.Equal(attempts, stored!.FailedLoginCount);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_TakenUserNameInOtherCase_ReturnsNull(string engine)
    {
        await using var services = await ServicesAsync(engine);
        var (accounts, user) = await CreateUserAsync(services);

        var second = await accounts.CreateAsync(user.UserName.ToUpperInvariant(), "Someone Else", Roles.Agent, Password);

        Assert.Null(second);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("123456789")]
    public void CheckPasswordStrength_TooShort_GivesReason(string? password)
    {
        var accounts = new AccountService(null!, null!, Microsoft.Extensions.Options.Options.Create(new AccountOptions()), TimeProvider.System);

        Assert.Equal("must be at least 10 characters", accounts.CheckPasswordStrength(password));
        Assert.Null(accounts.CheckPasswordStrength("1234567890"));
    }

    [Fact]
    public void GeneratePassword_IsLongAndDifferentEachTime()
    {
        var first = AccountService.GeneratePassword();

        Assert.Equal(20, first.Length);
        Assert.NotEqual(first, AccountService.GeneratePassword());
    }

    private async Task<ServiceProvider> ServicesAsync(string engine, Dictionary<string, string?>? settings = null)
    {
        var db = await fixture.GetAsync(engine);
        var merged = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings ?? [])
        {
            merged[key] = value;
        }

        return db.CreateServices(_time, merged);
    }

    private static async Task<(AccountService Accounts, UserAccount User)> CreateUserAsync(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<AccountService>();
        var user = await accounts.CreateAsync(UniqueData.Name("agent"), "Test Agent", Roles.Agent, Password);
        return (accounts, user!);
    }

    private static async Task LockAsync(AccountService accounts, UserAccount user)
    {
        for (var i = 0; i < MaxFailedLogins; i++)
        {
            await accounts.SignInAsync(user.UserName, "wrong-password");
        }

        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync(user.UserName, Password)).Outcome);
    }
}
