using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Scheduling;

namespace CallCenter.Core.Desk;

/// <summary>Booking, confirming and cancelling appointments for the patient on the agent's screen, and no other.</summary>
public sealed class DeskAppointmentActions(DeskAccess access, AppointmentService appointments, DeskAudit audit)
{
    public const int MaxReasonLength = 500;

    public async Task<DeskResult> BookAsync(Actor agent, BookAppointmentRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "request");
        }

        if (request.SlotId == Guid.Empty)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "slotId");
        }

        if (request.Reason is { Length: > MaxReasonLength })
        {
            return DeskResult.Fail(DeskErrors.Invalid, $"must be at most {MaxReasonLength} characters", "reason");
        }

        var owned = await access.AcceptedOfferAsync(agent, request.OfferId, cancellationToken);
        var result = owned.Error ?? await BookForAsync(agent, owned.Offer!.PatientId, request, cancellationToken);
        return await audit.WriteAsync(agent, "book-appointment", owned.Offer?.PatientId, result, $"offer {request.OfferId} slot {request.SlotId}", cancellationToken);
    }

    public Task<DeskResult> ConfirmAsync(Actor agent, AppointmentActionRequest? request, CancellationToken cancellationToken) =>
        MoveAsync(agent, request, AppointmentStatus.Confirmed, cancellationToken);

    public Task<DeskResult> CancelAsync(Actor agent, AppointmentActionRequest? request, CancellationToken cancellationToken) =>
        MoveAsync(agent, request, AppointmentStatus.Cancelled, cancellationToken);

    private async Task<DeskResult> BookForAsync(Actor agent, Guid? patientId, BookAppointmentRequest request, CancellationToken cancellationToken)
    {
        if (patientId is not { } patient)
        {
            return DeskResult.Fail(DeskErrors.Refused, "link the caller to a patient first", "offerId");
        }

        var booking = await appointments.BookAsync(agent, new BookingRequest(patient, request.SlotId, AppointmentChannel.Phone, request.Reason), cancellationToken);
        return booking.Outcome switch
        {
            BookingOutcome.Booked => DeskResult.Success(booking.Appointment!.Id.ToString()),
            BookingOutcome.PatientNotFound => DeskResult.Fail(DeskErrors.NotFound, "no such patient", "offerId"),
            BookingOutcome.SlotNotFound => DeskResult.Fail(DeskErrors.Invalid, "no such slot", "slotId"),
            BookingOutcome.SlotInPast => DeskResult.Fail(DeskErrors.Invalid, "the slot has started", "slotId"),
            BookingOutcome.SlotFull => DeskResult.Fail(DeskErrors.Conflict, "the slot is full", "slotId"),
            _ => DeskResult.Fail(DeskErrors.Conflict, "the patient already has this slot", "slotId"),
        };
    }

    private async Task<DeskResult> MoveAsync(Actor agent, AppointmentActionRequest? request, AppointmentStatus target, CancellationToken cancellationToken)
    {
        var action = target == AppointmentStatus.Confirmed ? "confirm-appointment" : "cancel-appointment";
        if (request is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "request");
        }

        if (request.AppointmentId == Guid.Empty)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "appointmentId");
        }

        if (request.Reason is { Length: > MaxReasonLength })
        {
            return DeskResult.Fail(DeskErrors.Invalid, $"must be at most {MaxReasonLength} characters", "reason");
        }

        var owned = await access.AcceptedOfferAsync(agent, request.OfferId, cancellationToken);
        var result = owned.Error ?? await MoveForAsync(agent, owned.Offer!.PatientId, request, target, cancellationToken);
        return await audit.WriteAsync(agent, action, owned.Offer?.PatientId, result, $"offer {request.OfferId} appointment {request.AppointmentId}", cancellationToken);
    }

    private async Task<DeskResult> MoveForAsync(
        Actor agent, Guid? patientId, AppointmentActionRequest request, AppointmentStatus target, CancellationToken cancellationToken)
    {
        var appointment = patientId is null ? null : await appointments.GetAsync(agent, request.AppointmentId, cancellationToken);
        if (appointment is null)
        {
            return DeskResult.Fail(DeskErrors.NotFound, "no such appointment", "appointmentId");
        }

        if (appointment.PatientId != patientId)
        {
            return DeskResult.Fail(DeskErrors.NotYours, "the appointment is not the patient's on screen", "appointmentId");
        }

        var moved = await appointments.TransitionAsync(agent, appointment.Id, target, target == AppointmentStatus.Cancelled ? request.Reason : null, cancellationToken);
        return moved.Outcome switch
        {
            TransitionOutcome.Done => DeskResult.Success(appointment.Id.ToString()),
            TransitionOutcome.NotFound => DeskResult.Fail(DeskErrors.NotFound, "no such appointment", "appointmentId"),
            _ => DeskResult.Fail(DeskErrors.Refused, $"the appointment is {moved.Appointment?.Status.ToCode()}", "appointmentId"),
        };
    }
}
