using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Reminders;
using CallCenter.Core.Scheduling;
using Ivr.Flows.Services;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>
/// Keypad appointment actions through the same scheduling services as agents and the web (one slot pool, one
/// state machine, one overbooking guard), acting as the IVR: every step is audited by those services.
/// </summary>
internal sealed class AppointmentBook(
    AppointmentService appointments,
    ISlotRepository slots,
    IDepartmentRepository departments,
    IDoctorRepository doctors,
    WaitlistOfferService offers,
    TimeProvider time) : IAppointmentBook
{
    private const string CancelReason = "cancelled by the patient on the phone line";

    public async Task<AppointmentSummary?> NextAsync(Guid patientId, CancellationToken cancellationToken)
    {
        // Upcoming appointments come soonest first; cancelled and other final ones are skipped.
        var upcoming = await appointments.ListForPatientAsync(Actor.Ivr, patientId, upcoming: true, new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
        var next = upcoming?.Items.FirstOrDefault(a => a.Status is AppointmentStatus.Booked or AppointmentStatus.Confirmed);
        return next is null ? null : await SummarizeAsync(next, cancellationToken);
    }

    public Task<AppointmentActionResult> ConfirmAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken) =>
        TransitionAsync(patientId, appointmentId, AppointmentStatus.Confirmed, null, cancellationToken);

    public Task<AppointmentActionResult> CancelAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken) =>
        TransitionAsync(patientId, appointmentId, AppointmentStatus.Cancelled, CancelReason, cancellationToken);

    public async Task<IReadOnlyList<SlotOffer>> FreeSlotsAsync(string departmentCode, int count, CancellationToken cancellationToken)
    {
        var department = await departments.FindByCodeAsync(departmentCode, cancellationToken);
        if (department is null || count < 1)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var page = new PageRequest(1, Math.Min(count, PageRequest.MaxPageSize));
        var free = await slots.ListAsync(new SlotQuery(DepartmentId: department.Id, From: now, OnlyFree: true), page, cancellationToken);
        var offers = new List<SlotOffer>();
        foreach (var slot in free.Items.Where(s => s.StartsAt > now && s.FreeCount > 0))
        {
            var doctor = await doctors.FindAsync(slot.DoctorId, cancellationToken);
            offers.Add(new SlotOffer(slot.Id, Utc(slot.StartsAt), department.Code, department.Name, doctor?.Name, department.NameEn));
        }

        return offers;
    }

    public async Task<AppointmentActionResult> BookAsync(Guid patientId, Guid slotId, CancellationToken cancellationToken)
    {
        var result = await appointments.BookAsync(Actor.Ivr, new BookingRequest(patientId, slotId, AppointmentChannel.Phone, "booked on the phone line"), cancellationToken);
        return result.Outcome switch
        {
            BookingOutcome.Booked => new AppointmentActionResult(true, null, await SummarizeAsync(result.Appointment!, cancellationToken)),
            BookingOutcome.SlotFull => new AppointmentActionResult(false, "full"),
            BookingOutcome.SlotInPast => new AppointmentActionResult(false, "in-past"),
            BookingOutcome.AlreadyBooked => new AppointmentActionResult(false, "already-booked"),
            _ => new AppointmentActionResult(false, "not-found"),
        };
    }

    public async Task<AppointmentActionResult> AnswerOfferAsync(Guid pendingReplyId, bool accept, CancellationToken cancellationToken)
    {
        var result = await offers.AnswerAsync(pendingReplyId, accept, cancellationToken);
        return result.Answer switch
        {
            OfferAnswer.Accepted => new AppointmentActionResult(
                true, null, result.Appointment is null ? null : await SummarizeAsync(result.Appointment, cancellationToken)),
            OfferAnswer.Declined => new AppointmentActionResult(true, "declined"),
            OfferAnswer.Taken => new AppointmentActionResult(false, "taken"),
            OfferAnswer.Expired => new AppointmentActionResult(false, "expired"),
            _ => new AppointmentActionResult(false, "not-found"),
        };
    }

    public async Task<IReadOnlySet<string>> DepartmentCodesAsync(CancellationToken cancellationToken)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; ; number++)
        {
            var page = await departments.ListAsync(new PageRequest(number, PageRequest.MaxPageSize), cancellationToken);
            codes.UnionWith(page.Items.Select(d => d.Code));
            if (!page.HasMore)
            {
                return codes;
            }
        }
    }

    private async Task<AppointmentActionResult> TransitionAsync(
        Guid patientId, Guid appointmentId, AppointmentStatus target, string? reason, CancellationToken cancellationToken)
    {
        // Another patient's appointment reads as not found: a caller acts only on their own.
        var appointment = await appointments.GetAsync(Actor.Ivr, appointmentId, cancellationToken);
        if (appointment is null || appointment.PatientId != patientId)
        {
            return new AppointmentActionResult(false, "not-found");
        }

        var result = await appointments.TransitionAsync(Actor.Ivr, appointmentId, target, reason, cancellationToken);
        var summary = result.Appointment is null ? null : await SummarizeAsync(result.Appointment, cancellationToken);
        return result.Outcome switch
        {
            TransitionOutcome.Done => new AppointmentActionResult(true, null, summary),
            TransitionOutcome.NotAllowed => new AppointmentActionResult(false, "invalid-state", summary),
            _ => new AppointmentActionResult(false, "not-found"),
        };
    }

    private async Task<AppointmentSummary> SummarizeAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var doctor = await doctors.FindAsync(appointment.DoctorId, cancellationToken);
        var department = doctor is null ? null : await departments.FindAsync(doctor.DepartmentId, cancellationToken);
        return new AppointmentSummary(
            appointment.Id,
            Utc(appointment.StartsAt),
            appointment.Status.ToCode(),
            department?.Code ?? string.Empty,
            department?.Name ?? string.Empty,
            doctor?.Name,
            department?.NameEn);
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
