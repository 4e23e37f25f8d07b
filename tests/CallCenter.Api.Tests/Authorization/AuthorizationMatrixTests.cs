using System.Net;
using CallCenter.Api.Infrastructure;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Authorization;

/// <summary>
/// Walks every /api route of the running hub: none answers without a token, none answers a role below its
/// policy, and none that takes a patient ID reveals a patient outside the caller's scope.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task EveryApiRoute_WithoutToken_Returns401()
    {
        var hub = await fixture.GetAsync(TestEngines.Sqlite);
        var client = hub.CreateClient();
        var failures = new List<string>();

        foreach (var route in ApiRoute.All(hub.Services).Where(r => !r.AllowsAnonymous))
        {
            var response = await client.SendAsync(route.ToRequest(Guid.NewGuid()));
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{route} answered {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task EveryApiRoute_NamesAPolicyOrIsAnonymous()
    {
        var routes = ApiRoute.All((await fixture.GetAsync(TestEngines.Sqlite)).Services);

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.True(
            route.AllowsAnonymous || (route.Policy is not null && Policies.RolesFor.ContainsKey(route.Policy)),
            $"{route} has no role policy"));
    }

    [Theory]
    [InlineData("GET", "/api/jobs/")]
    [InlineData("POST", "/api/jobs/{group}/{name}/run")]
    [InlineData("POST", "/api/jobs/{group}/{name}/pause")]
    [InlineData("POST", "/api/jobs/{group}/{name}/resume")]
    public async Task JobsRoutes_AreForAdminsOnly(string method, string pattern)
    {
        var routes = ApiRoute.All((await fixture.GetAsync(TestEngines.Sqlite)).Services);

        var route = Assert.Single(routes, r => r.Method == method && r.Pattern == pattern);

        Assert.Equal(Policies.Admin, route.Policy);
        Assert.False(route.AllowsAnonymous);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Wallboard)]
    public async Task EveryApiRoute_ForRoleBelowItsPolicy_Returns403(string role)
    {
        var hub = await fixture.GetAsync(TestEngines.Sqlite);
        var caller = await hub.SignInAsAsync(role);
        var failures = new List<string>();
        var checkedRoutes = 0;

        foreach (var route in ApiRoute.All(hub.Services).Where(r => r.Policy is not null && !Policies.RolesFor[r.Policy].Contains(role)))
        {
            checkedRoutes++;
            var response = await caller.Client.SendAsync(route.ToRequest(Guid.NewGuid()));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{route} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(checkedRoutes > 0, $"no route is closed to {role}");
        Assert.Empty(failures);
    }

    /// <summary>
    /// The read-only wallboard account (a TV on the floor) reads no patient data: no route that takes a patient, and no
    /// route outside the wallboard's own, admits it. Its 403 everywhere else is checked route by route above.
    /// </summary>
    [Fact]
    public async Task WallboardRole_IsAdmittedOnlyByTheWallboardViewerPolicy_NeverToPatientRoutes()
    {
        var routes = ApiRoute.All((await fixture.GetAsync(TestEngines.Sqlite)).Services);

        var admitted = routes.Where(r => r.Policy is not null && Policies.RolesFor[r.Policy].Contains(Roles.Wallboard)).ToList();

        Assert.All(admitted, route => Assert.Equal(Policies.WallboardViewer, route.Policy));
        Assert.DoesNotContain(admitted, route => route.TakesPatientId || route.Pattern.StartsWith("/api/patients", StringComparison.Ordinal));
        Assert.Equal([Roles.Agent, Roles.Supervisor, Roles.Admin], Policies.RolesFor[Policies.Agent]);
    }

    [Fact]
    public async Task WallboardRole_OnEveryApiRouteOutsideItsPolicy_Returns403NotData()
    {
        var hub = await fixture.GetAsync(TestEngines.Sqlite);
        var wallboard = await hub.SignInAsAsync(Roles.Wallboard);
        var patientRoutes = ApiRoute.All(hub.Services).Where(r => r.TakesPatientId || r.Pattern.StartsWith("/api/patients", StringComparison.Ordinal)).ToList();
        var failures = new List<string>();

        Assert.NotEmpty(patientRoutes);
        foreach (var route in patientRoutes)
        {
            var response = await wallboard.Client.SendAsync(route.ToRequest(Guid.NewGuid()));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{route} answered {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task EveryRouteTakingAPatientId_ForPatientOutsideScope_Returns404()
    {
        var hub = await fixture.GetAsync(TestEngines.Sqlite);
        var consultant = await hub.SignInAsAsync(Roles.Agent);
        var otherAgent = await hub.SignInAsAsync(Roles.Agent);
        var patientId = await InsertPatientAssignedToAsync(hub, consultant.User.Id);
        var failures = new List<string>();

        var routes = ApiRoute.All(hub.Services)
            .Where(r => r.TakesPatientId && r.Policy is not null && Policies.RolesFor[r.Policy].Contains(Roles.Agent))
            .ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var response = await otherAgent.Client.SendAsync(route.ToRequest(patientId));
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{route} answered {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    private const string InsertPatientSql = """
        INSERT INTO patient (id, full_name, search_name, gender, date_of_birth, email, preferred_language, time_zone, mrn, notes, assigned_user_id, created_at, updated_at)
        VALUES (@Id, 'Scoped Patient', 'scoped patient', 'unknown', NULL, NULL, 'en-US', 'Asia/Shanghai', NULL, NULL, @AssignedUserId, @Now, @Now)
        """;

    private static async Task<Guid> InsertPatientAssignedToAsync(ApiFactory hub, Guid consultantId)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await hub.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(InsertPatientSql, new { Id = id, AssignedUserId = consultantId, Now = DateTime.UtcNow });
        return id;
    }
}
