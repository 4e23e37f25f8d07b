using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

public sealed class AppointmentBookTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = IvrPortServices.Now.UtcDateTime;
    private readonly FakeTimeProvider _time = new(IvrPortServices.Now);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_FreeSlot_BooksAndSummarizesWithDepartmentAndDoctor(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var (department, doctor) = await AddDoctorAsync(services);
        var slot = await AddSlotAsync(services, doctor, Now.AddDays(1));
        var patient = await IvrPortServices.AddPatientAsync(services);
        var book = services.GetRequiredService<IAppointmentBook>();

        var booked = await book.BookAsync(patient.Id, slot.Id, CancellationToken.None);

        Assert.True(booked.Succeeded);
        Assert.Equal(
            (new DateTimeOffset(slot.StartsAt), "booked", department.Code, department.Name, doctor.Name),
            (booked.Appointment!.StartsAt, booked.Appointment.Status, booked.Appointment.DepartmentCode, booked.Appointment.DepartmentName, booked.Appointment.DoctorName));
        Assert.Contains(await IvrPortServices.IvrAuditAsync(services, patient.Id), a => a.Operation == "appointment.book");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_FullSlot_AnswersFullWithoutOverbooking(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var (_, doctor) = await AddDoctorAsync(services);
        var slot = await AddSlotAsync(services, doctor, Now.AddDays(1));
        var book = services.GetRequiredService<IAppointmentBook>();
        await book.BookAsync((await IvrPortServices.AddPatientAsync(services)).Id, slot.Id, CancellationToken.None);

        var second = await book.BookAsync((await IvrPortServices.AddPatientAsync(services)).Id, slot.Id, CancellationToken.None);

        Assert.Equal(new AppointmentActionResult(false, "full"), second);
        Assert.Equal(1, (await services.GetRequiredService<ISlotRepository>().FindAsync(slot.Id))!.BookedCount);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Next_SkipsPastAndCancelled_ReturnsSoonestBooked(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var (_, doctor) = await AddDoctorAsync(services);
        var patient = await IvrPortServices.AddPatientAsync(services);
        var book = services.GetRequiredService<IAppointmentBook>();
        var soon = await book.BookAsync(patient.Id, (await AddSlotAsync(services, doctor, Now.AddHours(2))).Id, CancellationToken.None);
        var later = await book.BookAsync(patient.Id, (await AddSlotAsync(services, doctor, Now.AddDays(3))).Id, CancellationToken.None);

        var cancelled = await book.CancelAsync(patient.Id, soon.Appointment!.AppointmentId, CancellationToken.None);
        var next = await book.NextAsync(patient.Id, CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(4));
        var none = await book.NextAsync(patient.Id, CancellationToken.None);

        Assert.Equal((true, "cancelled"), (cancelled.Succeeded, cancelled.Appointment!.Status));
        Assert.Equal(later.Appointment!.AppointmentId, next?.AppointmentId);
        Assert.Null(none);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Confirm_TwiceThenCancelled_FollowsTheStateMachine(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var (_, doctor) = await AddDoctorAsync(services);
        var patient = await IvrPortServices.AddPatientAsync(services);
        var book = services.GetRequiredService<IAppointmentBook>();
        var id = (await book.BookAsync(patient.Id, (await AddSlotAsync(services, doctor, Now.AddDays(1))).Id, CancellationToken.None)).Appointment!.AppointmentId;

        var confirmed = await book.ConfirmAsync(patient.Id, id, CancellationToken.None);
        var cancelled = await book.CancelAsync(patient.Id, id, CancellationToken.None);
        var confirmAgain = await book.ConfirmAsync(patient.Id, id, CancellationToken.None);

        Assert.Equal((true, "confirmed"), (confirmed.Succeeded, confirmed.Appointment!.Status));
        Assert.True(cancelled.Succeeded);
        Assert.Equal((false, "invalid-state"), (confirmAgain.Succeeded, confirmAgain.Reason));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Cancel_AnotherPatientsAppointment_IsNotFound(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var (_, doctor) = await AddDoctorAsync(services);
        var owner = await IvrPortServices.AddPatientAsync(services);
        var caller = await IvrPortServices.AddPatientAsync(services);
        var book = services.GetRequiredService<IAppointmentBook>();
        var id = (await book.BookAsync(owner.Id, (await AddSlotAsync(services, doctor, Now.AddDays(1))).Id, CancellationToken.None)).Appointment!.AppointmentId;

        var result = await book.CancelAsync(caller.Id, id, CancellationToken.None);

        Assert.Equal(new AppointmentActionResult(false, "not-found"), result);
        Assert.Equal("booked", (await book.NextAsync(owner.Id, CancellationToken.None))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FreeSlots_OfDepartment_EarliestFirstSkippingFullAndPast(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var (department, doctor) = await AddDoctorAsync(services);
        await AddSlotAsync(services, doctor, Now.AddHours(-1));
        var full = await AddSlotAsync(services, doctor, Now.AddHours(1));
        var third = await AddSlotAsync(services, doctor, Now.AddHours(4));
        var second = await AddSlotAsync(services, doctor, Now.AddHours(3));
        await AddSlotAsync(services, doctor, Now.AddHours(5));
        var book = services.GetRequiredService<IAppointmentBook>();
        await book.BookAsync((await IvrPortServices.AddPatientAsync(services)).Id, full.Id, CancellationToken.None);

        var offers = await book.FreeSlotsAsync(department.Code, 2, CancellationToken.None);

        Assert.Equal([second.Id, third.Id], offers.Select(o => o.SlotId));
        Assert.All(offers, o => Assert.Equal((department.Code, doctor.Name), (o.DepartmentCode, o.DoctorName)));
        Assert.Empty(await book.FreeSlotsAsync("no-such-department", 2, CancellationToken.None));
        Assert.Contains(department.Code, await book.DepartmentCodesAsync(CancellationToken.None));
    }

    private static async Task<(Department Department, Doctor Doctor)> AddDoctorAsync(IServiceProvider services)
    {
        var department = new Department { Id = Guid.CreateVersion7(), Code = UniqueData.Name("dept"), Name = "心内科", NameEn = "Cardiology", CreatedAt = Now };
        Assert.True(await services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
        var doctor = new Doctor { Id = Guid.CreateVersion7(), DepartmentId = department.Id, Name = UniqueData.Name("dr"), CreatedAt = Now };
        await services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        return (department, doctor);
    }

    private static async Task<Slot> AddSlotAsync(IServiceProvider services, Doctor doctor, DateTime startsAt)
    {
        var slot = new Slot { Id = Guid.CreateVersion7(), DoctorId = doctor.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30), Capacity = 1, CreatedAt = Now };
        Assert.Equal(SlotCreateOutcome.Created, await services.GetRequiredService<ISlotRepository>().CreateAsync(slot));
        return slot;
    }
}
