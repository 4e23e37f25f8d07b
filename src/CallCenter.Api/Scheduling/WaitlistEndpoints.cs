using CallCenter.Api.Infrastructure;
using CallCenter.Core.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Scheduling;

/// <summary>A full slot's waitlist, in arrival order. Entries are patient data: scoped and audited by the service.</summary>
internal static class WaitlistEndpoints
{
    public static void MapWaitlistEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/slots/{slotId:guid}/waitlist").WithTags("Appointments").RequireAuthorization(Policies.Agent);
        group.MapGet("/", ListAsync).WithSummary("The slot's waitlist, first come first.");
        group.MapPost("/", AddAsync).WithSummary("Put a patient on a full slot's waitlist.");
        group.MapDelete("/{entryId:guid}", RemoveAsync).WithSummary("Take an entry off the waitlist.");
    }

    private static async Task<Results<Ok<List<WaitlistEntryResponse>>, NotFound>> ListAsync(
        Guid slotId, WaitlistService waitlist, HttpContext context, CancellationToken cancellationToken) =>
        await waitlist.ListAsync(context.User.ToActor(), slotId, cancellationToken) is { } entries
            ? TypedResults.Ok(entries.Select(WaitlistEntryResponse.From).ToList())
            : TypedResults.NotFound();

    private static async Task<Results<Created<WaitlistEntryResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid slotId, AddWaitlistRequest request, WaitlistService waitlist, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.PatientId is null)
        {
            errors.Add("patientId", "is required");
        }

        var note = SchedulingValidation.OptionalText(request.Note, 500, "note", errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var result = await waitlist.AddAsync(context.User.ToActor(), slotId, request.PatientId!.Value, note, cancellationToken);
        return result.Outcome switch
        {
            WaitlistAddOutcome.Added => TypedResults.Created($"/api/slots/{slotId}/waitlist/{result.Entry!.Id}", WaitlistEntryResponse.From(result.Entry)),
            WaitlistAddOutcome.PatientNotFound => SchedulingValidation.NotFound("Patient not found"),
            WaitlistAddOutcome.SlotNotFound => SchedulingValidation.NotFound("Slot not found"),
            WaitlistAddOutcome.SlotInPast => Problems.Conflict("Slot in the past", "The slot has already started."),
            WaitlistAddOutcome.SlotHasRoom => Problems.Conflict("Slot has free places", "The slot is not full: book an appointment instead."),
            _ => Problems.Conflict("Already waiting", "The patient is already on this slot's waitlist."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid slotId, Guid entryId, WaitlistService waitlist, HttpContext context, CancellationToken cancellationToken) =>
        await waitlist.RemoveAsync(context.User.ToActor(), slotId, entryId, cancellationToken)
            ? TypedResults.NoContent()
            : SchedulingValidation.NotFound("Waitlist entry not found");
}
