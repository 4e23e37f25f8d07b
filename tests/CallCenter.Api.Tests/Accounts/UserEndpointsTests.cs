using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Accounts;

public sealed class UserEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Password = "New-User-Password-1";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_ByAdmin_Returns201AndTheUserCanSignIn(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var userName = UniqueData.Name("agent");

        var response = await admin.Client.PostAsJsonAsync("/api/users", new { userName, displayName = "New Agent", role = "agent", password = Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<UserDto>();
        Assert.Equal(userName, created!.UserName);
        Assert.Equal(Roles.Agent, created.Role);
        Assert.Equal($"/api/users/{created.Id}", response.Headers.Location?.OriginalString);
        var fetched = await admin.Client.GetFromJsonAsync<UserDto>($"/api/users/{created.Id}");
        Assert.Equal(created.Id, fetched!.Id);
        var agent = await hub.SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WallboardRole_Returns201AndTheAccountCanSignIn(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var userName = UniqueData.Name("tv");

        var response = await admin.Client.PostAsJsonAsync("/api/users", new { userName, displayName = "Floor TV", role = "wallboard", password = Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Roles.Wallboard, (await response.Content.ReadFromJsonAsync<UserDto>())!.Role);
        var wallboard = await hub.SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await wallboard.GetAsync("/api/patients?query=a")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_DuplicateUserNameInOtherCase_Returns409(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var userName = UniqueData.Name("dup");
        await admin.Client.PostAsJsonAsync("/api/users", new { userName, displayName = "First", role = "agent", password = Password });

        var response = await admin.Client.PostAsJsonAsync("/api/users", new { userName = userName.ToUpperInvariant(), displayName = "Second", role = "agent", password = Password });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithBadRoleAndShortPassword_Returns400NamingBothFields(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PostAsJsonAsync("/api/users", new { userName = UniqueData.Name("bad"), displayName = "Bad", role = "root", password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await ProblemReader.FieldsAsync(response);
        Assert.Contains("role", fields);
        Assert.Contains("password", fields);
        Assert.DoesNotContain("userName", fields);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithBadUserName_Returns400NamingIt(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PostAsJsonAsync("/api/users", new { userName = "a b", displayName = "Bad", role = "agent", password = Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["userName"], await ProblemReader.FieldsAsync(response));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Users_AsAgentOrSupervisor_Returns403(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PostAsJsonAsync(
            "/api/users", new { userName = UniqueData.Name("x"), displayName = "X", role = "admin", password = Password })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Users_WithoutSignIn_Returns401(string engine)
    {
        var hub = await fixture.GetAsync(engine);

        var response = await hub.CreateClient().GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_ByAdmin_ShowsUsersWithoutPasswordHashes(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.GetAsync("/api/users?pageSize=200");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(admin.User.UserName, body, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", body, StringComparison.Ordinal); // the Identity hash format's prefix
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_WithPageSizeOutOfRange_Returns400NamingIt(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.GetAsync("/api/users?pageSize=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["pageSize"], await ProblemReader.FieldsAsync(response));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_AdminDemotingOrDisablingSelf_Returns400(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var demote = await admin.Client.PutAsJsonAsync($"/api/users/{admin.User.Id}", new { role = "agent" });
        var disable = await admin.Client.PutAsJsonAsync($"/api/users/{admin.User.Id}", new { isDisabled = true });

        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("role", await ProblemReader.FieldsAsync(demote));
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        var self = await admin.Client.GetFromJsonAsync<UserDto>($"/api/users/{admin.User.Id}");
        Assert.Equal(Roles.Admin, self!.Role);
        Assert.False(self.IsDisabled);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_DisableOtherUser_StopsTheirSignIn(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var response = await admin.Client.PutAsJsonAsync($"/api/users/{agent.User.Id}", new { isDisabled = true, role = "supervisor" });
        var signIn = await hub.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = agent.User.UserName, password = "Password-For-Tests-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Content.ReadFromJsonAsync<UserDto>();
        Assert.True(updated!.IsDisabled);
        Assert.Equal(Roles.Supervisor, updated.Role);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_UnknownUser_Returns404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PutAsJsonAsync($"/api/users/{Guid.NewGuid()}", new { displayName = "Nobody" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SetPassword_TooShort_Returns400AndStrongOneWorks(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var weak = await admin.Client.PostAsJsonAsync($"/api/users/{agent.User.Id}/password", new { password = "short" });
        var strong = await admin.Client.PostAsJsonAsync($"/api/users/{agent.User.Id}/password", new { password = "Replaced-Password-9" });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(["password"], await ProblemReader.FieldsAsync(weak));
        Assert.Equal(HttpStatusCode.NoContent, strong.StatusCode);
        await hub.SignInAsync(agent.User.UserName, "Replaced-Password-9");
    }

    private sealed record UserDto(Guid Id, string UserName, string DisplayName, string Role, bool IsDisabled, bool IsLockedOut);
}
