using CallCenter.Core.Accounts;
using CallCenter.Core.FollowUps;
using CallCenter.Core.Patients;
using CallCenter.Core.Queues;
using CallCenter.Core.Scheduling;
using CallCenter.Core.Surveys;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Console.Tests.Terminal;

/// <summary>
/// A department's follow-up plan (a call on day 1 with a two-question questionnaire) and a patient's visit there
/// completed, made through the hub's own services, so the plan puts a call task on the queue's list.
/// </summary>
internal static class FollowUpData
{
    public static async Task<Patient> PlanCallAsync(DeskHub hub, string fullName)
    {
        var services = hub.Services;
        var now = hub.Time.GetUtcNow().UtcDateTime;
        var queue = UniqueData.Name("followups");
        Assert.True(await services.GetRequiredService<IQueueSettingsRepository>().TryCreateAsync(new QueueSettings { Name = queue, DisplayName = queue, CreatedAt = now }));
        var survey = "s-" + Guid.NewGuid().ToString("N")[..10];
        var saved = await services.GetRequiredService<SurveyDefinitions>().CreateAsync(Actor.System, new SurveyDefinitionInput
        {
            Key = survey,
            Name = new SurveyTextInput { Zh = "回访", En = "Follow-up" },
            Questions =
            [
                new SurveyQuestionInput { Type = "csat", Text = new SurveyTextInput { Zh = "满意吗？", En = "Happy with the visit?" } },
                new SurveyQuestionInput { Type = "yes-no", Text = new SurveyTextInput { Zh = "还疼吗？", En = "Any pain left?" } },
            ],
            Triggers = [],
        });
        Assert.Equal(SurveySaveOutcome.Saved, saved.Outcome);
        var department = new Department { Id = Guid.CreateVersion7(), Code = UniqueData.Name("dept"), Name = "骨科", NameEn = "Orthopaedics", CreatedAt = now };
        Assert.True(await services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
        var doctor = new Doctor { Id = Guid.CreateVersion7(), DepartmentId = department.Id, Name = UniqueData.Name("dr"), CreatedAt = now };
        await services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        var plan = await services.GetRequiredService<FollowUpPlans>().SaveAsync(Actor.System, department.Id, new FollowUpPlanInput
        {
            Queue = queue,
            Steps = [new FollowUpPlanStepInput { Day = 1, Action = "call", SurveyKey = survey }],
        });
        Assert.NotNull(plan);
        Assert.Empty(plan);

        var patient = new Patient
        {
            Id = Guid.CreateVersion7(), FullName = fullName, Gender = Genders.Female, DateOfBirth = new DateOnly(1975, 3, 1),
            PreferredLanguage = "en-US", TimeZone = "Asia/Shanghai", Mrn = UniqueData.Mrn(), CreatedAt = now, UpdatedAt = now,
            Phones = [new PatientPhone { E164 = UniqueData.ChinaMobile(), Kind = PhoneKinds.Mobile, IsPrimary = true }],
            Tags = [],
        };
        Assert.Equal(PatientSaveResult.Saved, await services.GetRequiredService<IPatientRepository>().CreateAsync(patient));
        var slot = new Slot { Id = Guid.CreateVersion7(), DoctorId = doctor.Id, StartsAt = now.AddHours(-1), EndsAt = now.AddMinutes(-30), Capacity = 1, CreatedAt = now };
        Assert.Equal(SlotCreateOutcome.Created, await services.GetRequiredService<ISlotRepository>().CreateAsync(slot));
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), PatientId = patient.Id, SlotId = slot.Id, Status = AppointmentStatus.Booked, Channel = AppointmentChannel.Phone,
            BookedAt = now, UpdatedAt = now, StartsAt = slot.StartsAt, EndsAt = slot.EndsAt, DoctorId = doctor.Id,
        };
        var appointments = services.GetRequiredService<IAppointmentRepository>();
        Assert.Equal(BookingOutcome.Booked, await appointments.BookAsync(appointment));
        Assert.Equal(TransitionOutcome.Done, (await appointments.TransitionAsync(appointment.Id, AppointmentStatus.Completed, null)).Outcome);
        return patient;
    }
}
