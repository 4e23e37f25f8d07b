using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Health;

public sealed class HealthAndOpenApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Health_LiveAndReady_Return200WithoutSignIn(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var client = hub.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OpenApi_Document_IsServedAndListsUserRoutes(string engine)
    {
        var hub = await fixture.GetAsync(engine);

        var response = await hub.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = await response.Content.ReadFromJsonAsync<JsonDocument>();
        var paths = document!.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/users", paths);
        Assert.Contains("/api/users/{id}/unlock", paths);
        Assert.Contains("/api/audit", paths);
        Assert.Contains("/api/auth/token", paths);
    }
}
