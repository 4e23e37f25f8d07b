using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Scheduling;

/// <summary>
/// Appointments as patient data: every call checks the patient's scope (out of scope reads as not found) and
/// writes an audit entry with the patient's ID, whatever the outcome.
/// </summary>
public sealed class AppointmentService(
    IAppointmentRepository appointments, ISlotRepository slots, PatientScopeGuard scope, IAuditLog audit, TimeProvider time)
{
    public async Task<BookingResult> BookAsync(Actor actor, BookingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await scope.AllowAsync(actor, request.PatientId, "appointment.book", $"slot {request.SlotId}", cancellationToken))
        {
            return new BookingResult(BookingOutcome.PatientNotFound);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var slot = await slots.FindAsync(request.SlotId, cancellationToken);
        var outcome = slot switch
        {
            null => BookingOutcome.SlotNotFound,
            _ when slot.StartsAt <= now => BookingOutcome.SlotInPast,
            _ => BookingOutcome.Booked,
        };

        Appointment? appointment = null;
        if (outcome == BookingOutcome.Booked)
        {
            appointment = new Appointment
            {
                Id = Ids.New(time),
                PatientId = request.PatientId,
                SlotId = request.SlotId,
                Status = AppointmentStatus.Booked,
                Channel = request.Channel,
                Reason = request.Reason,
                BookedAt = now,
                UpdatedAt = now,
                StartsAt = slot!.StartsAt,
                EndsAt = slot.EndsAt,
                DoctorId = slot.DoctorId,
            };
            outcome = await appointments.BookAsync(appointment, cancellationToken);
        }

        var booked = outcome == BookingOutcome.Booked;
        await audit.WriteAsync(
            actor,
            "appointment.book",
            request.PatientId,
            booked ? AuditOutcomes.Success : AuditOutcomes.Failed,
            booked ? $"appointment {appointment!.Id} slot {request.SlotId}" : $"slot {request.SlotId} {outcome}",
            cancellationToken);
        return new BookingResult(outcome, booked ? appointment : null, slot);
    }

    /// <summary>The appointment, or null when it does not exist or its patient is out of the actor's scope.</summary>
    public async Task<Appointment?> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        await FindVisibleAsync(actor, id, "appointment.read", cancellationToken) is { } appointment
            ? await AuditedAsync(actor, "appointment.read", appointment, cancellationToken)
            : null;

    /// <summary>Moves the appointment on (confirm, cancel, complete, no-show). Out of scope reads as not found.</summary>
    public async Task<TransitionResult> TransitionAsync(
        Actor actor, Guid id, AppointmentStatus target, string? cancelReason = null, CancellationToken cancellationToken = default)
    {
        var operation = "appointment." + target.ToCode();
        if (await FindVisibleAsync(actor, id, operation, cancellationToken) is not { } appointment)
        {
            return new TransitionResult(TransitionOutcome.NotFound, null);
        }

        var result = await appointments.TransitionAsync(id, target, cancelReason, cancellationToken);
        var detail = result.Outcome == TransitionOutcome.Done
            ? $"appointment {id}"
            : $"appointment {id} is {result.Appointment?.Status.ToCode()}";
        await audit.WriteAsync(
            actor, operation, appointment.PatientId, result.Outcome == TransitionOutcome.Done ? AuditOutcomes.Success : AuditOutcomes.Failed, detail, cancellationToken);
        return result;
    }

    /// <summary>Moves the appointment to another slot (its reminders follow). Out of scope reads as not found.</summary>
    public async Task<MoveResult> MoveAsync(Actor actor, Guid id, Guid toSlotId, CancellationToken cancellationToken = default)
    {
        const string operation = "appointment.move";
        if (await FindVisibleAsync(actor, id, operation, cancellationToken) is not { } appointment)
        {
            return new MoveResult(MoveOutcome.NotFound, null);
        }

        var result = await appointments.MoveAsync(id, toSlotId, cancellationToken);
        var moved = result.Outcome == MoveOutcome.Moved;
        await audit.WriteAsync(
            actor,
            operation,
            appointment.PatientId,
            moved ? AuditOutcomes.Success : AuditOutcomes.Failed,
            moved ? $"appointment {id} slot {appointment.SlotId} to {toSlotId}" : $"appointment {id} to slot {toSlotId} {result.Outcome}",
            cancellationToken);
        return result;
    }

    /// <summary>Records the patient's arrival. Out of scope reads as not found.</summary>
    public async Task<TransitionResult> CheckInAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        const string operation = "appointment.check-in";
        if (await FindVisibleAsync(actor, id, operation, cancellationToken) is not { } appointment)
        {
            return new TransitionResult(TransitionOutcome.NotFound, null);
        }

        var result = await appointments.CheckInAsync(id, cancellationToken);
        var done = result.Outcome == TransitionOutcome.Done;
        await audit.WriteAsync(
            actor, operation, appointment.PatientId, done ? AuditOutcomes.Success : AuditOutcomes.Failed, done ? $"appointment {id}" : $"appointment {id} not active", cancellationToken);
        return result;
    }

    /// <summary>The patient's upcoming or past appointments, or null when the patient is not found or out of scope.</summary>
    public async Task<Page<Appointment>?> ListForPatientAsync(
        Actor actor, Guid patientId, bool upcoming, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!await scope.AllowAsync(actor, patientId, "appointment.list", null, cancellationToken))
        {
            return null;
        }

        var result = await appointments.ListForPatientAsync(patientId, upcoming, time.GetUtcNow().UtcDateTime, page, cancellationToken);
        await audit.WriteAsync(
            actor, "appointment.list", patientId, AuditOutcomes.Success, $"{(upcoming ? "upcoming" : "past")} page {page.Page}", cancellationToken);
        return result;
    }

    private async Task<Appointment?> FindVisibleAsync(Actor actor, Guid id, string operation, CancellationToken cancellationToken)
    {
        var appointment = await appointments.FindAsync(id, cancellationToken);
        if (appointment is null)
        {
            await audit.WriteAsync(actor, operation, null, AuditOutcomes.NotFound, $"appointment {id}", cancellationToken);
            return null;
        }

        return await scope.AllowAsync(actor, appointment.PatientId, operation, $"appointment {id}", cancellationToken) ? appointment : null;
    }

    private async Task<Appointment> AuditedAsync(Actor actor, string operation, Appointment appointment, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(actor, operation, appointment.PatientId, AuditOutcomes.Success, $"appointment {appointment.Id}", cancellationToken);
        return appointment;
    }
}
