using CallCenter.Api.Infrastructure;
using CallCenter.Core.Cases;
using CallCenter.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Cases;

/// <summary>
/// Complaint cases (投诉管理): open, read, list, move, assign, annotate and link. The patient scope holds (a case of
/// a patient outside the caller's scope is 404) and every read and change is audited, in <see cref="ComplaintCaseService"/>.
/// </summary>
internal static class CaseEndpoints
{
    public static IServiceCollection AddCasesApi(this IServiceCollection services) => services;

    public static void MapCaseEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Agent);
        group.MapPost("/", OpenAsync)
            .WithSummary("Open a complaint case for a patient (or a caller number), with category, severity and description; optionally a call or message to link.");
        group.MapGet("/", ListAsync)
            .WithSummary("Cases within the caller's scope, newest first; filters status, departmentId, severity, ownerId, patientId, overdue; paged.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One case with its history and linked calls and messages.");
        group.MapPost("/{id:guid}/status", ChangeStatusAsync)
            .WithSummary("Move a case: open -> investigating | resolved | closed; investigating -> resolved | closed; resolved -> closed | investigating.");
        group.MapPut("/{id:guid}/owner", AssignAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Give the case to a staff account (ownerId), or to nobody (null). Supervisors.");
        group.MapPost("/{id:guid}/notes", AddNoteAsync)
            .WithSummary("Add a note to the case's history; the first note on an active case is its first response.");
        group.MapPost("/{id:guid}/links", LinkAsync)
            .WithSummary("Link a call (kind call, its CallSid) or a message (kind message, its MessageSid) the hub has.");
    }

    private static async Task<Results<Created<CaseResponse>, ValidationProblem>> OpenAsync(
        CaseInput input, ComplaintCaseService cases, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await cases.OpenAsync(context.User.ToActor(), new CaseOpening
        {
            PatientId = input.PatientId,
            CallerNumber = input.CallerNumber,
            DepartmentId = input.DepartmentId,
            Category = input.Category,
            Severity = input.Severity,
            Description = input.Description,
            OwnerId = input.OwnerId,
            Source = CaseSources.Api,
            CallSid = input.CallSid,
            MessageSid = input.MessageSid,
        }, cancellationToken);
        return result.Outcome == CaseOutcome.Ok
            ? TypedResults.Created($"/api/cases/{result.Value!.Id}", CaseResponse.From(result.Value, time.GetUtcNow().UtcDateTime))
            : Problems.Fields(result.Errors);
    }

    private static async Task<Results<Ok<Page<CaseResponse>>, ValidationProblem>> ListAsync(
        ComplaintCaseService cases,
        TimeProvider time,
        HttpContext context,
        CancellationToken cancellationToken,
        string? status = null,
        Guid? departmentId = null,
        string? severity = null,
        Guid? ownerId = null,
        Guid? patientId = null,
        bool? overdue = null,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize)
    {
        var query = new CaseQuery { Status = status, DepartmentId = departmentId, Severity = severity, OwnerId = ownerId, PatientId = patientId, Overdue = overdue };
        var result = await cases.ListAsync(context.User.ToActor(), query, new PageRequest(page, pageSize), cancellationToken);
        if (result.Outcome != CaseOutcome.Ok)
        {
            return Problems.Fields(result.Errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var found = result.Value!;
        return TypedResults.Ok(new Page<CaseResponse>(found.Items.Select(c => CaseResponse.From(c, now)).ToList(), found.PageNumber, found.PageSize, found.HasMore));
    }

    private static async Task<Results<Ok<CaseDetailsResponse>, NotFound>> GetAsync(
        Guid id, ComplaintCaseService cases, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await cases.GetAsync(context.User.ToActor(), id, cancellationToken);
        if (result.Outcome != CaseOutcome.Ok)
        {
            return TypedResults.NotFound();
        }

        var details = result.Value!;
        return TypedResults.Ok(new CaseDetailsResponse(CaseResponse.From(details.Case, time.GetUtcNow().UtcDateTime), details.Notes, details.Links));
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, CaseStatusInput input, ComplaintCaseService cases, TimeProvider time, HttpContext context, CancellationToken cancellationToken) =>
        Answer(await cases.ChangeStatusAsync(context.User.ToActor(), id, input.Status, input.Note, cancellationToken), time);

    private static async Task<Results<Ok<CaseResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, CaseOwnerInput input, ComplaintCaseService cases, TimeProvider time, HttpContext context, CancellationToken cancellationToken) =>
        Answer(await cases.AssignAsync(context.User.ToActor(), id, input.OwnerId, cancellationToken), time);

    private static async Task<Results<Created<CaseNote>, NotFound, ValidationProblem>> AddNoteAsync(
        Guid id, CaseNoteInput input, ComplaintCaseService cases, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await cases.AddNoteAsync(context.User.ToActor(), id, input.Body, cancellationToken);
        return result.Outcome switch
        {
            CaseOutcome.Ok => TypedResults.Created($"/api/cases/{id}", result.Value),
            CaseOutcome.NotFound => TypedResults.NotFound(),
            _ => Problems.Fields(result.Errors),
        };
    }

    private static async Task<Results<Ok<CaseLink>, NotFound, ValidationProblem>> LinkAsync(
        Guid id, CaseLinkInput input, ComplaintCaseService cases, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await cases.LinkAsync(context.User.ToActor(), id, input.Kind, input.Sid, cancellationToken);
        return result.Outcome switch
        {
            CaseOutcome.Ok => TypedResults.Ok(result.Value),
            CaseOutcome.NotFound => TypedResults.NotFound(),
            _ => Problems.Fields(result.Errors),
        };
    }

    private static Results<Ok<CaseResponse>, NotFound, ValidationProblem, ProblemHttpResult> Answer(CaseResult<ComplaintCase> result, TimeProvider time) =>
        result.Outcome switch
        {
            CaseOutcome.Ok => TypedResults.Ok(CaseResponse.From(result.Value!, time.GetUtcNow().UtcDateTime)),
            CaseOutcome.NotFound => TypedResults.NotFound(),
            CaseOutcome.Conflict => Problems.Conflict("Case changed", result.Reason ?? "The case changed meanwhile."),
            _ => Problems.Fields(result.Errors),
        };
}
