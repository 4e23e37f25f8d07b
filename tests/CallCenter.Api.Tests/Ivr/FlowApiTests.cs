using System.Net;
using System.Net.Http.Json;
using System.Text;
using CallCenter.Api.Ivr;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Ivr;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

public sealed class FlowApiTests(IvrFixture fixture) : IClassFixture<IvrFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Validate_ValidFlow_ReturnsValidWithVersion(string engine)
    {
        var admin = await (await fixture.GetAsync(engine)).Api.SignInAsAsync(Roles.Admin);
        var json = TestFlows.Gather("valid", TestFlows.Number());

        var result = await ValidateAsync(admin, json);

        Assert.Equal((true, "valid", ActiveFlow.VersionOf(json)), (result.Valid, result.FlowId, result.Version));
        Assert.Empty(result.Errors);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Validate_InvalidFlow_ReturnsErrorsNamingStepAndField(string engine)
    {
        var admin = await (await fixture.GetAsync(engine)).Api.SignInAsAsync(Roles.Admin);

        var result = await ValidateAsync(admin, TestFlows.Broken("broken", TestFlows.Number()));
        var notJson = await ValidateAsync(admin, "{ not json");

        Assert.False(result.Valid);
        Assert.Null(result.Version);
        Assert.Contains(result.Errors, e => e.Step == "pin" && e.Field == "next" && e.Reason.Contains("nowhere", StringComparison.Ordinal));
        Assert.False(notJson.Valid);
        Assert.Equal("(file)", Assert.Single(notJson.Errors).Field);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Validate_EmptyBody_Returns400NamingBody(string engine)
    {
        var admin = await (await fixture.GetAsync(engine)).Api.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PostAsync("/api/flows/validate", new StringContent("  ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"body\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Find_ActiveFlow_ReturnsItsJson_UnknownReturns404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var flowId = "find-" + Guid.NewGuid().ToString("N")[..8];
        var json = TestFlows.Gather(flowId, TestFlows.Number());
        await hub.WriteFlowAsync(TestFlows.FileName("find"), json);
        var supervisor = await hub.Api.SignInAsAsync(Roles.Supervisor);

        var found = await supervisor.Client.GetAsync($"/api/flows/{flowId}");
        var unknown = await supervisor.Client.GetAsync("/api/flows/no-such-flow");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("application/json", found.Content.Headers.ContentType?.MediaType);
        Assert.Equal(json, await found.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<FlowValidationResponse> ValidateAsync(SignedInClient admin, string json)
    {
        var response = await admin.Client.PostAsync("/api/flows/validate", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FlowValidationResponse>())!;
    }
}
