using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Scheduling;

public sealed class ScheduleEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateSlot_AsAgent_Returns403(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var doctorId = await AddDoctorAsync(supervisor.Client);

        var response = await agent.Client.PostAsJsonAsync(
            "/api/slots", new { doctorId, startsAt = "2026-12-07T09:00:00Z", endsAt = "2026-12-07T09:30:00Z", capacity = 1 });
        var agentCanRead = await agent.Client.GetAsync($"/api/slots?doctorId={doctorId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agentCanRead.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateDoctor_UnknownDepartment_Returns400NamingDepartmentId(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        var response = await supervisor.Client.PostAsJsonAsync("/api/doctors", new { departmentId = Guid.NewGuid(), name = "Dr Li" });

        Assert.Equal(["departmentId"], await FieldErrorsAsync(response));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateDepartment_DuplicateCode_Returns409(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var code = UniqueData.Name("C");

        var first = await supervisor.Client.PostAsJsonAsync("/api/departments", new { code, name = "儿科" });
        var second = await supervisor.Client.PostAsJsonAsync("/api/departments", new { code, name = "Paediatrics" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateSlot_BadInput_Returns400NamingFields(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var doctorId = await AddDoctorAsync(supervisor.Client);

        var seconds = await supervisor.Client.PostAsJsonAsync(
            "/api/slots", new { doctorId, startsAt = "2026-12-07T09:00:30Z", endsAt = "2026-12-07T08:30:00Z", capacity = 0 });
        var noOffset = await supervisor.Client.PostAsJsonAsync(
            "/api/slots", new { doctorId, startsAt = "2026-12-07T09:00:00", endsAt = "2026-12-07T09:30:00Z", capacity = 1 });
        var badJson = await supervisor.Client.PostAsJsonAsync(
            "/api/slots", new { doctorId, startsAt = "tomorrow", endsAt = "2026-12-07T09:30:00Z", capacity = 1 });
        var unknownDoctor = await supervisor.Client.PostAsJsonAsync(
            "/api/slots", new { doctorId = Guid.NewGuid(), startsAt = "2026-12-07T09:00:00Z", endsAt = "2026-12-07T09:30:00Z", capacity = 1 });

        Assert.Equal(new[] { "capacity", "endsAt", "startsAt" }, (await FieldErrorsAsync(seconds)).Order(StringComparer.Ordinal));
        Assert.Equal(["startsAt"], await FieldErrorsAsync(noOffset));
        Assert.Equal(["startsAt"], await FieldErrorsAsync(badJson));
        Assert.Equal(["doctorId"], await FieldErrorsAsync(unknownDoctor));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateSlot_OverlappingSameDoctor_Returns409(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var doctorId = await AddDoctorAsync(supervisor.Client);

        var first = await supervisor.Client.PostAsJsonAsync(
            "/api/slots", new { doctorId, startsAt = "2026-12-07T17:00:00+08:00", endsAt = "2026-12-07T17:30:00+08:00", capacity = 2 });
        var overlapping = await supervisor.Client.PostAsJsonAsync(
            "/api/slots", new { doctorId, startsAt = "2026-12-07T09:15:00Z", endsAt = "2026-12-07T09:45:00Z", capacity = 2 });

        var created = await ReadAsync<SlotDto>(first);
        Assert.Equal(new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc), created.StartsAt);
        await ProblemAsync(overlapping, HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Generate_ShanghaiWeekdays_CreatesUtcSlotsAndSkipsExistingOnRerun(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var doctorId = await AddDoctorAsync(supervisor.Client);
        var plan = new
        {
            doctorId,
            fromDate = "2026-12-07",
            toDate = "2026-12-13",
            dailyStart = "08:00",
            dailyEnd = "10:00",
            slotMinutes = 30,
            capacity = 4,
            weekdays = new[] { "monday", "wednesday", "friday" },
            timeZone = "Asia/Shanghai",
        };

        var first = await ReadAsync<GenerateDto>(await supervisor.Client.PostAsJsonAsync("/api/slots/generate", plan));
        var second = await ReadAsync<GenerateDto>(await supervisor.Client.PostAsJsonAsync("/api/slots/generate", plan));
        var listed = await supervisor.Client.GetFromJsonAsync<PageDto<SlotDto>>($"/api/slots?doctorId={doctorId}&onlyFree=true&pageSize=200");

        Assert.Equal(new GenerateDto(12, 0), first);
        Assert.Equal(new GenerateDto(0, 12), second);
        Assert.Equal(12, listed!.Items.Count);
        Assert.Equal(new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc), listed.Items[0].StartsAt);
        Assert.Equal(new DateTime(2026, 12, 11, 1, 30, 0, DateTimeKind.Utc), listed.Items[^1].StartsAt);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Generate_BadPlan_Returns400NamingFields(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var doctorId = await AddDoctorAsync(supervisor.Client);

        var unknownZone = await supervisor.Client.PostAsJsonAsync("/api/slots/generate", new
        {
            doctorId, fromDate = "2026-12-07", toDate = "2026-12-13", dailyStart = "08:00", dailyEnd = "10:00", slotMinutes = 30, capacity = 1,
            weekdays = new[] { "monday" }, timeZone = "China/Beijing",
        });
        var missing = await supervisor.Client.PostAsJsonAsync("/api/slots/generate", new { doctorId });
        var badDay = await supervisor.Client.PostAsJsonAsync("/api/slots/generate", new { doctorId, weekdays = new[] { "someday" } });

        Assert.Equal(["timeZone"], await FieldErrorsAsync(unknownZone));
        Assert.Contains("slotMinutes", await FieldErrorsAsync(missing));
        Assert.Equal(400, (int)badDay.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ListSlots_BadQuery_Returns400(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var badPage = await agent.Client.GetAsync("/api/slots?pageSize=0");
        var badRange = await agent.Client.GetAsync("/api/slots?from=2026-12-08T00:00:00Z&to=2026-12-07T00:00:00Z");
        var badGuid = await agent.Client.GetAsync("/api/slots?doctorId=nope");

        Assert.Equal(["pageSize"], await FieldErrorsAsync(badPage));
        Assert.Equal(["to"], await FieldErrorsAsync(badRange));
        Assert.Equal(["doctorId"], await FieldErrorsAsync(badGuid));
    }

    internal sealed record SlotDto(Guid Id, Guid DoctorId, Guid DepartmentId, DateTime StartsAt, DateTime EndsAt, int Capacity, int BookedCount, int FreeCount);

    internal sealed record GenerateDto(int Created, int Skipped);

    internal sealed record PageDto<T>(List<T> Items, int PageNumber, int PageSize, bool HasMore);
}
