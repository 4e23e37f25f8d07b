using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Queues;

public sealed class QueueEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_ByAdmin_Returns201AndSupervisorReadsIt(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var name = UniqueData.Name("queue");

        var response = await admin.Client.PostAsJsonAsync("/api/queues", new
        {
            name,
            displayName = "Cardiology",
            requiredSkills = new[] { "cardiology", "mandarin" },
            strategy = "skills-proficiency",
            serviceLevelSeconds = 30,
            maxWaitSeconds = 300,
            overflowKind = "queue",
            overflowQueue = "general",
            wrapUpSeconds = 45,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/queues/{name}", response.Headers.Location?.OriginalString);
        var fetched = await supervisor.Client.GetFromJsonAsync<QueueDto>($"/api/queues/{name}");
        var expected = new QueueDto(name, "Cardiology", ["cardiology", "mandarin"], "skills-proficiency", 30, 300, "queue", "general", 45);
        Assert.Equal(expected, fetched! with { RequiredSkills = expected.RequiredSkills });
        Assert.Equal(expected.RequiredSkills, fetched.RequiredSkills);
        var list = await supervisor.Client.GetFromJsonAsync<List<QueueDto>>("/api/queues");
        Assert.Contains(list!, q => q.Name == name);
        Assert.Contains(list!, q => q.Name == "general" && q.Strategy == "longest-idle" && q.OverflowKind == "none");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithOnlyName_TakesDefaults(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var name = UniqueData.Name("queue");

        var response = await admin.Client.PostAsJsonAsync("/api/queues", new { name });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<QueueDto>();
        Assert.Empty(created!.RequiredSkills);
        var expected = new QueueDto(name, name, created.RequiredSkills, "longest-idle", 20, 600, "none", null, 30);
        Assert.Equal(expected, created);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithBadFields_Returns400NamingEach(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PostAsJsonAsync("/api/queues", new
        {
            name = "Bad Name",
            requiredSkills = new[] { "ok", "NOT OK" },
            maxWaitSeconds = 1,
            wrapUpSeconds = -5,
            overflowKind = "queue",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["maxWaitSeconds", "name", "overflowQueue", "requiredSkills[1]", "wrapUpSeconds"],
            (await ProblemReader.FieldsAsync(response)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithUnknownStrategyOrNumericEnum_Returns400NamingIt(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var unknown = await admin.Client.PostAsJsonAsync("/api/queues", new { name = UniqueData.Name("queue"), strategy = "random" });
        var numeric = await admin.Client.PostAsJsonAsync("/api/queues", new { name = UniqueData.Name("queue"), strategy = 9 });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (unknown.StatusCode, numeric.StatusCode));
        Assert.Equal(["strategy"], await ProblemReader.FieldsAsync(unknown));
        Assert.Equal(["strategy"], await ProblemReader.FieldsAsync(numeric));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_OverflowToMissingQueue_Returns400NamingOverflowQueue(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PostAsJsonAsync("/api/queues",
            new { name = UniqueData.Name("queue"), overflowKind = "queue", overflowQueue = UniqueData.Name("missing") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["overflowQueue"], await ProblemReader.FieldsAsync(response));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_ExistingName_Returns409(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PostAsJsonAsync("/api/queues", new { name = "general" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Get_MissingOrMalformedName_Returns404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        var missing = await supervisor.Client.GetAsync($"/api/queues/{UniqueData.Name("missing")}");
        var malformed = await supervisor.Client.GetAsync("/api/queues/NOT%20A%20QUEUE");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (missing.StatusCode, malformed.StatusCode));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Queues_ForRoleBelowRoutePolicy_Return403(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        var statuses = new[]
        {
            (await agent.Client.GetAsync("/api/queues")).StatusCode,
            (await agent.Client.GetAsync("/api/queues/general")).StatusCode,
            (await supervisor.Client.PostAsJsonAsync("/api/queues", new { name = UniqueData.Name("queue") })).StatusCode,
            (await supervisor.Client.PutAsJsonAsync("/api/queues/general", new { wrapUpSeconds = 5 })).StatusCode,
            (await supervisor.Client.DeleteAsync("/api/queues/general")).StatusCode,
        };

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Client.GetAsync("/api/queues")).StatusCode);
    }

    internal sealed record QueueDto(
        string Name, string DisplayName, IReadOnlyList<string> RequiredSkills, string Strategy, int ServiceLevelSeconds, int MaxWaitSeconds,
        string OverflowKind, string? OverflowQueue, int WrapUpSeconds);
}
