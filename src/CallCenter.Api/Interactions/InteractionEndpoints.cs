using CallCenter.Api.Infrastructure;
using CallCenter.Api.Patients;
using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Core.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Interactions;

/// <summary>The patient timeline: calls, SMS, emails and notes, newest first; and staff notes.</summary>
internal static class InteractionEndpoints
{
    public static IServiceCollection AddInteractionApi(this IServiceCollection services) => services;

    public static void MapInteractionEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/patients/{id:guid}").WithTags("Interactions").RequireAuthorization(Policies.Agent);
        group.MapGet("/timeline", TimelineAsync)
            .WithSummary("The patient's calls, SMS, emails and notes, newest first; paged.");
        group.MapPost("/notes", AddNoteAsync)
            .WithSummary("Add a staff note to the patient's timeline.");
    }

    private static async Task<Results<Ok<Page<Interaction>>, NotFound, ValidationProblem>> TimelineAsync(
        Guid id, TimelineService timeline, HttpContext context, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize)
    {
        var result = await timeline.TimelineAsync(context.User.ToActor(), id, new PageRequest(page, pageSize), cancellationToken);
        return result.Outcome switch
        {
            PatientOutcome.Ok => TypedResults.Ok(result.Value),
            PatientOutcome.NotFound => TypedResults.NotFound(),
            _ => PatientProblems.Invalid(result.Errors),
        };
    }

    private static async Task<Results<Created<Interaction>, NotFound, ValidationProblem>> AddNoteAsync(
        Guid id, NoteInput input, TimelineService timeline, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await timeline.AddNoteAsync(context.User.ToActor(), id, input.Text, cancellationToken);
        return result.Outcome switch
        {
            PatientOutcome.Ok => TypedResults.Created($"/api/patients/{id}/timeline", result.Value),
            PatientOutcome.NotFound => TypedResults.NotFound(),
            _ => PatientProblems.Invalid(result.Errors),
        };
    }
}
