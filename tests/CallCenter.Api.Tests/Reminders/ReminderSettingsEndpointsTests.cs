using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Reminders;

public sealed class ReminderSettingsEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReminderPlan_DefaultThenSavedThenRead(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var departmentId = await AddDepartmentAsync(supervisor.Client);

        var initial = await ReadAsync<PlanDto>(await supervisor.Client.GetAsync($"/api/departments/{departmentId}/reminder-plan"));
        var saved = await supervisor.Client.PutAsJsonAsync(
            $"/api/departments/{departmentId}/reminder-plan",
            new { steps = new[] { new { offsetMinutes = 120, purpose = "appointment-reminder", channel = "sms" }, new { offsetMinutes = 2880, purpose = "appointment-confirmation", channel = "sms" } } });
        var read = await ReadAsync<PlanDto>(await supervisor.Client.GetAsync($"/api/departments/{departmentId}/reminder-plan"));

        Assert.True(initial.IsDefault);
        Assert.Equal([(4320, "appointment-confirmation", "sms"), (1440, "appointment-reminder", "sms")], initial.Steps.Select(s => (s.OffsetMinutes, s.Purpose, s.Channel)));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.False(read.IsDefault);
        Assert.Equal([(2880, "appointment-confirmation", "sms"), (120, "appointment-reminder", "sms")], read.Steps.Select(s => (s.OffsetMinutes, s.Purpose, s.Channel)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReminderPlan_BadSteps_Returns400NamingEachField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var departmentId = await AddDepartmentAsync(supervisor.Client);
        var url = $"/api/departments/{departmentId}/reminder-plan";

        var missing = await supervisor.Client.PutAsJsonAsync(url, new { });
        var bad = await supervisor.Client.PutAsJsonAsync(url, new
        {
            steps = new object?[]
            {
                new { offsetMinutes = 5, purpose = "appointment-reminder", channel = "sms" },
                new { offsetMinutes = 60, purpose = "party", channel = "fax" },
                new { offsetMinutes = 60, purpose = "appointment-confirmation", channel = "email" },
                null,
            },
        });
        var unknownDepartment = await supervisor.Client.PutAsJsonAsync($"/api/departments/{Guid.NewGuid()}/reminder-plan", new { steps = Array.Empty<object>() });
        var voice = await supervisor.Client.PutAsJsonAsync(url, new { steps = new[] { new { offsetMinutes = 60, purpose = "appointment-confirmation", channel = "voice" } } });

        Assert.Equal(["steps"], await FieldErrorsAsync(missing));
        Assert.Equal(
            ["steps[0].offsetMinutes", "steps[1].channel", "steps[1].purpose", "steps[2].channel", "steps[2].offsetMinutes", "steps[3]"],
            (await FieldErrorsAsync(bad)).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknownDepartment.StatusCode);
        // Reminder calls exist: a voice step (a confirmation request too: the patient answers by keypad) is a plan.
        Assert.Equal(HttpStatusCode.OK, voice.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task VisitSettings_DefaultThenSaved_AndBadInputNamesFields(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var departmentId = await AddDepartmentAsync(supervisor.Client);
        var url = $"/api/departments/{departmentId}/visit-settings";

        var initial = await ReadAsync<SettingsDto>(await supervisor.Client.GetAsync(url));
        var bad = await supervisor.Client.PutAsJsonAsync(url, new { noShowGraceMinutes = -1, waitlistOfferMinutes = 0 });
        var saved = await ReadAsync<SettingsDto>(await supervisor.Client.PutAsJsonAsync(url, new { noShowGraceMinutes = 30, waitlistOfferMinutes = 15 }));
        var read = await ReadAsync<SettingsDto>(await supervisor.Client.GetAsync(url));

        Assert.Equal((20, 30, true), (initial.NoShowGraceMinutes, initial.WaitlistOfferMinutes, initial.IsDefault));
        Assert.Equal(["noShowGraceMinutes", "waitlistOfferMinutes"], (await FieldErrorsAsync(bad)).Order(StringComparer.Ordinal));
        Assert.Equal((30, 15, false), (saved.NoShowGraceMinutes, saved.WaitlistOfferMinutes, saved.IsDefault));
        Assert.Equal(saved, read);
    }

    private static async Task<Guid> AddDepartmentAsync(HttpClient supervisor) =>
        (await ReadAsync<IdOnly>(await supervisor.PostAsJsonAsync("/api/departments", new { code = UniqueData.Name("D"), name = "儿科", nameEn = "Paediatrics" }))).Id;

    internal sealed record StepDto(int OffsetMinutes, string Purpose, string Channel);

    internal sealed record PlanDto(Guid DepartmentId, List<StepDto> Steps, bool IsDefault);

    internal sealed record SettingsDto(Guid DepartmentId, int NoShowGraceMinutes, int WaitlistOfferMinutes, bool IsDefault);
}
