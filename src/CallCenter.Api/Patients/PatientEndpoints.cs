using CallCenter.Api.Infrastructure;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Patients;

/// <summary>Patients: search, create, read, replace, duplicate check and assignment. Consents: PatientConsentEndpoints.</summary>
internal static class PatientEndpoints
{
    public static IServiceCollection AddPatientApi(this IServiceCollection services) => services;

    public static void MapPatientEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(Policies.Agent);
        group.MapGet("/", SearchAsync)
            .WithSummary("Search patients by name (any case, substring), phone (any common format) or MRN; paged, within the caller's scope.");
        group.MapGet("/duplicates", DuplicatesAsync)
            .WithSummary("Which patients already have this phone or MRN: check before creating.");
        group.MapPost("/", CreateAsync)
            .WithSummary("Create a patient. 409 when the MRN exists; a phone another patient has is allowed and listed in warnings.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One patient with phones, tags and current consents.");
        group.MapPut("/{id:guid}", UpdateAsync)
            .WithSummary("Replace a patient's record; optional fields left out are cleared, time zone and language fall back to defaults.");
        group.MapPut("/{id:guid}/assignment", AssignAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Assign the patient to a consultant (userId), or to nobody (null). Supervisors.");
        group.MapPatientConsentEndpoints();
    }

    private static async Task<Results<Ok<Page<PatientSummary>>, ValidationProblem>> SearchAsync(
        PatientLookupService lookup,
        HttpContext context,
        CancellationToken cancellationToken,
        string? name = null,
        string? phone = null,
        string? mrn = null,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize)
    {
        var result = await lookup.SearchAsync(context.User.ToActor(), name, phone, mrn, new PageRequest(page, pageSize), cancellationToken);
        return result.Outcome == PatientOutcome.Ok ? TypedResults.Ok(result.Value) : PatientProblems.Invalid(result.Errors);
    }

    private static async Task<Results<Ok<DuplicateCheckResponse>, ValidationProblem>> DuplicatesAsync(
        PatientLookupService lookup, HttpContext context, CancellationToken cancellationToken, string? phone = null, string? mrn = null)
    {
        var result = await lookup.FindDuplicatesAsync(context.User.ToActor(), phone, mrn, cancellationToken);
        return result.Outcome == PatientOutcome.Ok ? TypedResults.Ok(new DuplicateCheckResponse(result.Value!)) : PatientProblems.Invalid(result.Errors);
    }

    private static async Task<Results<Created<PatientResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PatientInput input, PatientService patients, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await patients.CreateAsync(context.User.ToActor(), input, cancellationToken);
        return result.Outcome switch
        {
            PatientOutcome.Ok => TypedResults.Created($"/api/patients/{result.Value!.Patient.Id}", PatientResponse.From(result.Value)),
            PatientOutcome.MrnTaken => PatientProblems.MrnTaken(result.ExistingPatientId),
            _ => PatientProblems.Invalid(result.Errors),
        };
    }

    private static async Task<Results<Ok<PatientResponse>, NotFound>> GetAsync(
        Guid id, PatientService patients, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await patients.GetAsync(context.User.ToActor(), id, cancellationToken);
        return result.Outcome == PatientOutcome.Ok ? TypedResults.Ok(PatientResponse.From(result.Value!)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<PatientResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, PatientInput input, PatientService patients, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await patients.UpdateAsync(context.User.ToActor(), id, input, cancellationToken);
        return result.Outcome switch
        {
            PatientOutcome.Ok => TypedResults.Ok(PatientResponse.From(result.Value!)),
            PatientOutcome.NotFound => TypedResults.NotFound(),
            PatientOutcome.MrnTaken => PatientProblems.MrnTaken(result.ExistingPatientId),
            _ => PatientProblems.Invalid(result.Errors),
        };
    }

    private static async Task<Results<Ok<AssignmentResponse>, NotFound, ValidationProblem>> AssignAsync(
        Guid id, AssignmentInput input, PatientService patients, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await patients.AssignAsync(context.User.ToActor(), id, input.UserId, cancellationToken);
        return result.Outcome switch
        {
            PatientOutcome.Ok => TypedResults.Ok(new AssignmentResponse(id, result.Value!.AssignedUserId)),
            PatientOutcome.NotFound => TypedResults.NotFound(),
            _ => PatientProblems.Invalid(result.Errors),
        };
    }
}
