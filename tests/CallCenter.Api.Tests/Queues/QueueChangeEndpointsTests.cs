using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Queues;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CallCenter.Api.Tests.Queues.QueueEndpointsTests;

namespace CallCenter.Api.Tests.Queues;

public sealed class QueueChangeEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_SomeFields_ChangesThemAndKeepsTheRest(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var name = await CreateAsync(admin, new { name = UniqueData.Name("queue"), displayName = "Before", overflowKind = "queue", overflowQueue = "general", wrapUpSeconds = 10 });

        var response = await admin.Client.PutAsJsonAsync($"/api/queues/{name}", new { strategy = "round-robin", overflowKind = "callback" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await admin.Client.GetFromJsonAsync<QueueDto>($"/api/queues/{name}");
        Assert.Equal(("Before", "round-robin", "callback", (string?)null, 10), (updated!.DisplayName, updated.Strategy, updated.OverflowKind, updated.OverflowQueue, updated.WrapUpSeconds));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_Thresholds_StoredAndReplacedAsAWhole(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var name = await CreateAsync(admin, new
        {
            name = UniqueData.Name("queue"), shortAbandonSeconds = 8,
            thresholds = new { longestWaitWarningSeconds = 60, longestWaitCriticalSeconds = 120, serviceLevelWarningPercent = 80, serviceLevelCriticalPercent = 60, waitingWarning = 3 },
        });
        var created = await admin.Client.GetFromJsonAsync<ThresholdsDto>($"/api/queues/{name}");
        Assert.Equal((8, 60, 120, 80, 60, 3, (int?)null), (created!.ShortAbandonSeconds, created.Thresholds.LongestWaitWarningSeconds,
            created.Thresholds.LongestWaitCriticalSeconds, created.Thresholds.ServiceLevelWarningPercent, created.Thresholds.ServiceLevelCriticalPercent,
            created.Thresholds.WaitingWarning, created.Thresholds.WaitingCritical));

        // Other fields leave them alone; a thresholds object replaces them all (a threshold left out is none).
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/queues/{name}", new { wrapUpSeconds = 12 })).StatusCode);
        Assert.Equal(60, (await admin.Client.GetFromJsonAsync<ThresholdsDto>($"/api/queues/{name}"))!.Thresholds.LongestWaitWarningSeconds);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/queues/{name}", new { thresholds = new { waitingCritical = 9 } })).StatusCode);
        var replaced = await admin.Client.GetFromJsonAsync<ThresholdsDto>($"/api/queues/{name}");
        Assert.Equal((8, (int?)null, (int?)null, (int?)9), (replaced!.ShortAbandonSeconds, replaced.Thresholds.LongestWaitWarningSeconds, replaced.Thresholds.ServiceLevelWarningPercent, replaced.Thresholds.WaitingCritical));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_ThresholdsOutOfOrder_Returns400NamingEachField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var name = await CreateAsync(admin, new { name = UniqueData.Name("queue") });

        var response = await admin.Client.PutAsJsonAsync($"/api/queues/{name}", new
        {
            shortAbandonSeconds = -1,
            thresholds = new { longestWaitWarningSeconds = 120, longestWaitCriticalSeconds = 60, serviceLevelWarningPercent = 60, serviceLevelCriticalPercent = 80, waitingCritical = 101_000 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["shortAbandonSeconds", "thresholds.longestWaitWarningSeconds", "thresholds.serviceLevelWarningPercent", "thresholds.waitingCritical"],
            (await ProblemReader.FieldsAsync(response)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_OverflowToItself_Returns400NamingOverflowQueue(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var name = await CreateAsync(admin, new { name = UniqueData.Name("queue") });

        var response = await admin.Client.PutAsJsonAsync($"/api/queues/{name}", new { overflowKind = "queue", overflowQueue = name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["overflowQueue"], await ProblemReader.FieldsAsync(response));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_WithOtherName_Returns400NamingName(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var name = await CreateAsync(admin, new { name = UniqueData.Name("queue") });

        var response = await admin.Client.PutAsJsonAsync($"/api/queues/{name}", new { name = UniqueData.Name("renamed") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name"], await ProblemReader.FieldsAsync(response));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_MissingQueue_Returns404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PutAsJsonAsync($"/api/queues/{UniqueData.Name("missing")}", new { wrapUpSeconds = 5 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Delete_UnusedQueue_Returns204ThenGone(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var name = await CreateAsync(admin, new { name = UniqueData.Name("queue") });

        var response = await admin.Client.DeleteAsync($"/api/queues/{name}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/api/queues/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.DeleteAsync($"/api/queues/{name}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Delete_QueueWithACall_Returns409AndKeepsIt(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var name = await CreateAsync(admin, new { name = UniqueData.Name("queue") });
        await hub.Services.GetRequiredService<IQueueRepository>().EnqueueAsync(new QueueEntry
        {
            Id = Guid.CreateVersion7(),
            QueueName = name,
            CallSid = "CA" + Guid.NewGuid().ToString("N"),
            CallerNumber = UniqueData.ChinaMobile(),
            Language = "zh-CN",
            Status = QueueStatuses.Waiting,
            EnqueuedAt = hub.Time.GetUtcNow().UtcDateTime,
        });

        var response = await admin.Client.DeleteAsync($"/api/queues/{name}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/queues/{name}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Delete_OverflowTargetOfAnotherQueue_Returns409(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var target = await CreateAsync(admin, new { name = UniqueData.Name("queue") });
        await CreateAsync(admin, new { name = UniqueData.Name("queue"), overflowKind = "queue", overflowQueue = target });

        var response = await admin.Client.DeleteAsync($"/api/queues/{target}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Delete_QueueTheHotlineSendsCallersTo_Returns409NamingTheFlow(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.DeleteAsync("/api/queues/complaints");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("hospital-hotline", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/queues/complaints")).StatusCode);
    }

    private static async Task<string> CreateAsync(SignedInClient admin, object queue)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/queues", queue);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<QueueDto>())!.Name;
    }

    private sealed record ThresholdsDto(int ShortAbandonSeconds, ThresholdValuesDto Thresholds);

    private sealed record ThresholdValuesDto(
        int? LongestWaitWarningSeconds, int? LongestWaitCriticalSeconds, int? ServiceLevelWarningPercent, int? ServiceLevelCriticalPercent,
        int? WaitingWarning, int? WaitingCritical);
}
