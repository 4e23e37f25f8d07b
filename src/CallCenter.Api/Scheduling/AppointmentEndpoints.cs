using CallCenter.Api.Infrastructure;
using CallCenter.Core.Common;
using CallCenter.Core.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Scheduling;

/// <summary>
/// Appointments, patient data: a patient outside the caller's scope answers 404, and the service audits
/// every read and change.
/// </summary>
internal static class AppointmentEndpoints
{
    public static void MapAppointmentEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(Policies.Agent);
        group.MapPost("/", BookAsync).WithSummary("Book a place in a slot for a patient; 409 when the slot is full (the waitlist is the way on).");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One appointment.");
        group.MapPost("/{id:guid}/confirm", ConfirmAsync).WithSummary("Confirm a booked appointment.");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Cancel a booked or confirmed appointment; its place returns to the slot.");
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithSummary("Mark a booked or confirmed appointment completed.");
        group.MapPost("/{id:guid}/no-show", NoShowAsync).WithSummary("Mark a booked or confirmed appointment (not checked in) as a no-show.");
        group.MapPost("/{id:guid}/move", MoveAsync).WithSummary("Move an active appointment to another slot: its place there is taken and the old one given back; 409 when the new slot is full.");
        group.MapPost("/{id:guid}/check-in", CheckInAsync).WithSummary("Record that the patient has arrived; a checked-in appointment is never marked no-show.");

        var patients = app.MapGroup("/api/patients/{patientId:guid}/appointments").WithTags("Appointments").RequireAuthorization(Policies.Agent);
        patients.MapGet("/", ListForPatientAsync).WithSummary("A patient's upcoming (soonest first) or past (latest first) appointments.");
    }

    private static async Task<Results<Created<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> BookAsync(
        BookAppointmentRequest request, AppointmentService appointments, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.PatientId is null)
        {
            errors.Add("patientId", "is required");
        }

        if (request.SlotId is null)
        {
            errors.Add("slotId", "is required");
        }

        if (request.Channel is null)
        {
            errors.Add("channel", "is required: phone, web, walk-in, kiosk or agent");
        }

        var reason = SchedulingValidation.OptionalText(request.Reason, 500, "reason", errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var booking = new BookingRequest(request.PatientId!.Value, request.SlotId!.Value, request.Channel!.Value, reason);
        var result = await appointments.BookAsync(context.User.ToActor(), booking, cancellationToken);
        return result.Outcome switch
        {
            BookingOutcome.Booked => TypedResults.Created($"/api/appointments/{result.Appointment!.Id}", AppointmentResponse.From(result.Appointment)),
            BookingOutcome.PatientNotFound => SchedulingValidation.NotFound("Patient not found"),
            BookingOutcome.SlotNotFound => Problems.Field("slotId", "no such slot"),
            BookingOutcome.SlotInPast => Problems.Field("slotId", "the slot has already started; choose a later one"),
            BookingOutcome.AlreadyBooked => Problems.Conflict(
                "Already booked", "The patient already holds an active appointment in this slot.", new Dictionary<string, object?> { ["slotId"] = booking.SlotId }),
            _ => Problems.Conflict(
                "Slot full",
                $"All {result.Slot?.Capacity} places in this slot are booked. The patient can join the slot's waitlist: POST /api/slots/{booking.SlotId}/waitlist.",
                new Dictionary<string, object?> { ["slotId"] = booking.SlotId, ["waitlist"] = $"/api/slots/{booking.SlotId}/waitlist" }),
        };
    }

    private static async Task<Results<Ok<AppointmentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, AppointmentService appointments, HttpContext context, CancellationToken cancellationToken) =>
        await appointments.GetAsync(context.User.ToActor(), id, cancellationToken) is { } appointment
            ? TypedResults.Ok(AppointmentResponse.From(appointment))
            : SchedulingValidation.NotFound("Appointment not found");

    private static Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        Guid id, AppointmentService appointments, HttpContext context, CancellationToken cancellationToken) =>
        TransitionAsync(id, AppointmentStatus.Confirmed, null, appointments, context, cancellationToken);

    private static Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, CancelAppointmentRequest? request, AppointmentService appointments, HttpContext context, CancellationToken cancellationToken) =>
        TransitionAsync(id, AppointmentStatus.Cancelled, request?.Reason, appointments, context, cancellationToken);

    private static Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        Guid id, AppointmentService appointments, HttpContext context, CancellationToken cancellationToken) =>
        TransitionAsync(id, AppointmentStatus.Completed, null, appointments, context, cancellationToken);

    private static Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> NoShowAsync(
        Guid id, AppointmentService appointments, HttpContext context, CancellationToken cancellationToken) =>
        TransitionAsync(id, AppointmentStatus.NoShow, null, appointments, context, cancellationToken);

    private static async Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid id, MoveAppointmentRequest? request, AppointmentService appointments, HttpContext context, CancellationToken cancellationToken)
    {
        if (request?.SlotId is not { } slotId)
        {
            return Problems.Field("slotId", "is required: the slot to move the appointment to");
        }

        var result = await appointments.MoveAsync(context.User.ToActor(), id, slotId, cancellationToken);
        return result.Outcome switch
        {
            MoveOutcome.Moved => TypedResults.Ok(AppointmentResponse.From(result.Appointment!)),
            MoveOutcome.NotFound => SchedulingValidation.NotFound("Appointment not found"),
            MoveOutcome.SlotNotFound => Problems.Field("slotId", "no such slot"),
            MoveOutcome.SlotInPast => Problems.Field("slotId", "the slot has already started; choose a later one"),
            MoveOutcome.SameSlot => Problems.Field("slotId", "is the appointment's own slot"),
            MoveOutcome.SlotFull => Problems.Conflict(
                "Slot full",
                $"All places in the slot are booked; the appointment stays where it was. The patient can join the slot's waitlist: POST /api/slots/{slotId}/waitlist.",
                new Dictionary<string, object?> { ["slotId"] = slotId, ["waitlist"] = $"/api/slots/{slotId}/waitlist" }),
            MoveOutcome.AlreadyBooked => Problems.Conflict(
                "Already booked", "The patient already holds an active appointment in that slot.", new Dictionary<string, object?> { ["slotId"] = slotId }),
            _ => Problems.Conflict(
                "Move not allowed",
                $"The appointment is {result.Appointment?.Status.ToCode()}{(result.Appointment?.CheckedInAt is null ? string.Empty : " and checked in")}; only a booked or confirmed appointment not yet checked in can move.",
                new Dictionary<string, object?> { ["currentStatus"] = result.Appointment?.Status.ToCode() }),
        };
    }

    private static async Task<Results<Ok<AppointmentResponse>, ProblemHttpResult>> CheckInAsync(
        Guid id, AppointmentService appointments, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await appointments.CheckInAsync(context.User.ToActor(), id, cancellationToken);
        return result.Outcome switch
        {
            TransitionOutcome.Done => TypedResults.Ok(AppointmentResponse.From(result.Appointment!)),
            TransitionOutcome.NotFound => SchedulingValidation.NotFound("Appointment not found"),
            _ => Problems.Conflict(
                "Check-in not allowed",
                result.Appointment!.CheckedInAt is null
                    ? $"The appointment is {result.Appointment.Status.ToCode()}; only a booked or confirmed appointment can be checked in."
                    : "The patient is already checked in.",
                new Dictionary<string, object?> { ["currentStatus"] = result.Appointment.Status.ToCode(), ["checkedInAt"] = result.Appointment.CheckedInAt }),
        };
    }

    private static async Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        Guid id, AppointmentStatus target, string? cancelReason, AppointmentService appointments, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var reason = SchedulingValidation.OptionalText(cancelReason, 500, "reason", errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var result = await appointments.TransitionAsync(context.User.ToActor(), id, target, reason, cancellationToken);
        return result.Outcome switch
        {
            TransitionOutcome.Done => TypedResults.Ok(AppointmentResponse.From(result.Appointment!)),
            TransitionOutcome.NotFound => SchedulingValidation.NotFound("Appointment not found"),
            _ => Problems.Conflict(
                "Status change not allowed",
                $"The appointment is {result.Appointment!.Status.ToCode()}; it cannot become {target.ToCode()}.",
                new Dictionary<string, object?> { ["currentStatus"] = result.Appointment.Status.ToCode() }),
        };
    }

    private static async Task<Results<Ok<Page<AppointmentResponse>>, ValidationProblem, ProblemHttpResult>> ListForPatientAsync(
        Guid patientId,
        AppointmentService appointments,
        HttpContext context,
        CancellationToken cancellationToken,
        string when = "upcoming",
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        if (request.Validate() is { } error)
        {
            return Problems.Field(error.Field, error.Reason);
        }

        if (when is not ("upcoming" or "past"))
        {
            return Problems.Field("when", "must be upcoming or past");
        }

        var result = await appointments.ListForPatientAsync(context.User.ToActor(), patientId, when == "upcoming", request, cancellationToken);
        return result is null
            ? SchedulingValidation.NotFound("Patient not found")
            : TypedResults.Ok(new Page<AppointmentResponse>(result.Items.Select(AppointmentResponse.From).ToList(), result.PageNumber, result.PageSize, result.HasMore));
    }
}
