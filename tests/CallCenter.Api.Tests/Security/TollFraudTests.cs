using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Security;

/// <summary>
/// Issue 15 point 10: transfers and callbacks go only to the regions the hub serves (CN by default), never to a
/// premium-rate number, and the audit trail records the destination asked for.
/// </summary>
public sealed class TollFraudTests(DeskFixture desks, ApiWithJobsFixture apis) : IClassFixture<DeskFixture>, IClassFixture<ApiWithJobsFixture>
{
    // A UK premium-rate number (09 range) and a US number: both outside the default dial regions.
    private const string Premium = "+449091234567";
    private const string Abroad = "+14155552671";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task DeskTransferToANumberOutsideThePolicy_IsRefusedAndAuditedWithTheDestination(string engine)
    {
        var hub = await desks.GetAsync(engine);
        var patient = await hub.AddPatientAsync();
        await using var desk = await hub.ConnectAgentAsync();
        var (callSid, _) = await DeskCallTests.TakeCallAsync(hub, desk, patient.Id);

        var premium = await desk.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "number", Premium));
        var abroad = await desk.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "number", Abroad));

        Assert.Equal((false, DeskErrors.Refused, "target"), (premium.Ok, premium.Error, premium.Field));
        Assert.Equal((false, DeskErrors.Refused, "target"), (abroad.Ok, abroad.Error, abroad.Field));
        Assert.Equal("busy", (await desk.DeskAsync()).State.State); // still on the call: nothing was dialled
        var details = await AuditDetailsAsync(hub.Services, desk.User.UserName, "desk.transfer");
        Assert.Contains(details, d => d.Contains(Premium, StringComparison.Ordinal));
        Assert.Contains(details, d => d.Contains(Abroad, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ScheduledCallbackToANumberOutsideThePolicy_IsRefusedNamingTheNumber(string engine)
    {
        var hub = await apis.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var premium = await agent.Client.PostAsJsonAsync("/api/callbacks", new { number = Premium, queue = "general" });
        var abroad = await agent.Client.PostAsJsonAsync("/api/callbacks", new { number = Abroad, queue = "general" });
        var home = await agent.Client.PostAsJsonAsync("/api/callbacks", new { number = UniqueData.ChinaMobile(), queue = "general" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Created), (premium.StatusCode, abroad.StatusCode, home.StatusCode));
        Assert.Contains("premium-rate", await NumberErrorAsync(premium), StringComparison.Ordinal);
        Assert.Contains("Phone:DialRegions", await NumberErrorAsync(abroad), StringComparison.Ordinal);
        var details = await AuditDetailsAsync(hub.Services, agent.User.UserName, "callbacks.schedule");
        Assert.Contains(details, d => d.Contains(Premium, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AgentPhoneOutsideThePolicy_IsRefusedNamingTheEndpoint(string engine)
    {
        var hub = await apis.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var premium = await admin.Client.PutAsJsonAsync($"/api/agents/{agent.User.Id}/profile", new { endpointKind = "number", endpoint = Premium });
        var home = await admin.Client.PutAsJsonAsync($"/api/agents/{agent.User.Id}/profile", new { endpointKind = "number", endpoint = "138 0013 8000" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (premium.StatusCode, home.StatusCode));
        Assert.Equal(["endpoint"], await ProblemReader.FieldsAsync(premium));
    }

    private static async Task<string> NumberErrorAsync(HttpResponseMessage response)
    {
        using var json = await response.Content.ReadFromJsonAsync<JsonDocument>();
        return string.Join(" ", json!.RootElement.GetProperty("errors").GetProperty("number").EnumerateArray().Select(e => e.GetString()));
    }

    private const string AuditSql = """
        SELECT detail FROM audit_entry WHERE user_name = @UserName AND operation = @Operation
        """;

    private static async Task<IReadOnlyList<string>> AuditDetailsAsync(IServiceProvider services, string userName, string operation)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<string>(AuditSql, new { UserName = userName, Operation = operation })).AsList();
    }
}
