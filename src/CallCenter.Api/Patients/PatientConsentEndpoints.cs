using CallCenter.Api.Infrastructure;
using CallCenter.Core.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Patients;

/// <summary>A patient's consent per channel (sms, voice, email): record a change, read what holds and the history.</summary>
internal static class PatientConsentEndpoints
{
    /// <summary>Maps into the /api/patients group, so the consent routes share its policy.</summary>
    public static void MapPatientConsentEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/consents", AddAsync)
            .WithSummary("Record consent given or withdrawn for a channel, with when and how (verbal, written, sms-keyword, ivr, web, import).");
        group.MapGet("/{id:guid}/consents", ListAsync)
            .WithSummary("The current consent per channel (newest change wins) and the full history, newest first.");
    }

    private static async Task<Results<Created<PatientConsent>, NotFound, ValidationProblem>> AddAsync(
        Guid id, ConsentInput input, PatientConsentService consents, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await consents.AddAsync(context.User.ToActor(), id, input, cancellationToken);
        return result.Outcome switch
        {
            PatientOutcome.Ok => TypedResults.Created($"/api/patients/{id}/consents", result.Value),
            PatientOutcome.NotFound => TypedResults.NotFound(),
            _ => PatientProblems.Invalid(result.Errors),
        };
    }

    private static async Task<Results<Ok<ConsentOverview>, NotFound>> ListAsync(
        Guid id, PatientConsentService consents, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await consents.ListAsync(context.User.ToActor(), id, cancellationToken);
        return result.Outcome == PatientOutcome.Ok ? TypedResults.Ok(result.Value) : TypedResults.NotFound();
    }
}
