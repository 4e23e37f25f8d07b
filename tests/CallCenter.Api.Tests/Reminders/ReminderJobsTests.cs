using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Reminders;

/// <summary>The reminder jobs on a hub whose scheduler runs: declared every minute, and run now from the jobs API.</summary>
public sealed class ReminderJobsTests(ApiWithJobsFixture fixture) : IClassFixture<ApiWithJobsFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task NoShowJob_RunNow_MarksTheAppointmentPastItsGrace(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var slot = await AddSlotAsync(supervisor.Client, capacity: 1);
        var patientId = await AddPatientAsync(hub);
        var repository = hub.Services.GetRequiredService<IAppointmentRepository>();
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), PatientId = patientId, SlotId = slot, Status = AppointmentStatus.Booked, Channel = AppointmentChannel.Phone,
            BookedAt = hub.Time.GetUtcNow().UtcDateTime, UpdatedAt = hub.Time.GetUtcNow().UtcDateTime,
        };
        Assert.Equal(BookingOutcome.Booked, await repository.BookAsync(appointment));

        hub.Time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 21, 0, TimeSpan.Zero));
        var admin = (await hub.SignInAsAsync(Roles.Admin)).Client;
        var jobs = await admin.GetFromJsonAsync<List<JobDto>>("/api/jobs");
        var run = await admin.PostAsync(new Uri("/api/jobs/reminders/no-show-marking/run", UriKind.Relative), null);
        var marked = await Polling.UntilAsync(() => repository.FindAsync(appointment.Id), a => a!.Status == AppointmentStatus.NoShow, "the no-show job to mark the appointment");

        Assert.Equal("every 00:01:00", Assert.Single(jobs!, j => j.Group == "reminders" && j.Name == "no-show-marking").Schedule);
        Assert.Contains(jobs!, j => j.Group == "reminders" && j.Name == "waitlist-offer-expiry");
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal(AppointmentStatus.NoShow, marked!.Status);
    }

    private sealed record JobDto(string Group, string Name, string? Schedule);
}
