using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Scheduling;

public sealed class CatalogEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Doctors_ListByDepartment_ReturnsOnlyThatDepartment(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var doctorId = await AddDoctorAsync(supervisor.Client);
        await AddDoctorAsync(supervisor.Client);
        var doctor = await agent.Client.GetFromJsonAsync<DoctorDto>($"/api/doctors/{doctorId}");

        var listed = await agent.Client.GetFromJsonAsync<ScheduleEndpointsTests.PageDto<DoctorDto>>($"/api/doctors?departmentId={doctor!.DepartmentId}");
        var department = await agent.Client.GetFromJsonAsync<DepartmentDto>($"/api/departments/{doctor.DepartmentId}");
        var agentCreates = await agent.Client.PostAsJsonAsync("/api/departments", new { code = UniqueData.Name("A"), name = "x" });

        Assert.Equal([doctorId], listed!.Items.Select(d => d.Id));
        Assert.Equal("Cardiology", department!.NameEn);
        Assert.Equal(HttpStatusCode.Forbidden, agentCreates.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateDepartment_BadInput_Returns400NamingFields(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        var response = await supervisor.Client.PostAsJsonAsync("/api/departments", new { code = "has space", name = "", nameEn = new string('x', 201) });

        Assert.Equal(new[] { "code", "name", "nameEn" }, (await FieldErrorsAsync(response)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OpenApi_ListsSchedulingRoutesWithSummaries(string engine)
    {
        var hub = await fixture.GetAsync(engine);

        using var document = JsonDocument.Parse(await hub.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/departments", "/api/doctors", "/api/slots", "/api/slots/generate", "/api/appointments", "/api/appointments/{id}/no-show",
            "/api/patients/{patientId}/appointments", "/api/slots/{slotId}/waitlist", "/api/slots/{slotId}/waitlist/{entryId}",
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            Assert.All(item.EnumerateObject().Where(o => o.Name != "parameters"), operation => Assert.True(operation.Value.TryGetProperty("summary", out _), $"{path} {operation.Name} has no summary"));
        }
    }

    internal sealed record DoctorDto(Guid Id, Guid DepartmentId, string Name, string? Title);

    internal sealed record DepartmentDto(Guid Id, string Code, string Name, string? NameEn);
}
