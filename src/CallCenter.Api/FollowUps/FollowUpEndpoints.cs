using CallCenter.Api.Infrastructure;
using CallCenter.Core.Common;
using CallCenter.Core.FollowUps;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.FollowUps;

/// <summary>
/// The follow-up call list (agents: theirs and their queues'; supervisors: all, service recovery included), attempts
/// recorded on a follow-up, the per-department report (supervisors) and departments' follow-up plans (admins).
/// </summary>
internal static class FollowUpEndpoints
{
    public static void MapFollowUpEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var list = app.MapGroup("/api/follow-ups").WithTags("Follow-ups").RequireAuthorization(Policies.Agent);
        list.MapGet("/", ListAsync).WithSummary("Follow-ups, earliest due first: planned calls, voicemails, service-recovery tasks; filter by status, kind, department, queue, assignee and due time.");
        list.MapGet("/{id:guid}", GetAsync).WithSummary("A follow-up with its attempts.");
        list.MapPost("/{id:guid}/outcome", RecordOutcomeAsync).WithSummary("Record an attempt: outcome, note, the questionnaire's answers when reached, the next attempt's time when not.");

        var report = app.MapGroup("/api/follow-ups/report").WithTags("Follow-ups").RequireAuthorization(Policies.Supervisor);
        report.MapGet("/", ReportAsync).WithSummary("Per department: due, overdue (more than a day), done, reach rate and problems found, over follow-ups due in [from, to).");

        var plans = app.MapGroup("/api/departments/{id:guid}/follow-up-plan").WithTags("Follow-ups").RequireAuthorization(Policies.Admin);
        plans.MapGet("/", GetPlanAsync).WithSummary("The department's follow-up plan (no steps when it has none).");
        plans.MapPut("/", PutPlanAsync).WithSummary("Replace the department's follow-up plan: steps (day after the visit, call or sms-survey, survey key) and the queue that works its calls.");
    }

    private static async Task<Results<Ok<Page<FollowUp>>, ValidationProblem>> ListAsync(
        FollowUpWork work,
        HttpContext context,
        CancellationToken cancellationToken,
        string? status = null,
        string? kind = null,
        Guid? departmentId = null,
        string? queue = null,
        Guid? assignedTo = null,
        DateTime? dueBefore = null,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        var errors = new FieldErrors();
        if (request.Validate() is { } error)
        {
            errors.Add(error.Field, error.Reason);
        }

        if (status is not null && !FollowUpStatuses.All.Contains(status))
        {
            errors.Add("status", "must be one of " + string.Join(", ", FollowUpStatuses.All));
        }

        if (kind is not null && !FollowUpKinds.All.Contains(kind))
        {
            errors.Add("kind", "must be one of " + string.Join(", ", FollowUpKinds.All));
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var query = new FollowUpQuery
        {
            Status = status, Kind = kind, DepartmentId = departmentId, QueueName = queue, AssignedUserId = assignedTo, DueBefore = dueBefore?.ToUniversalTime(), Page = request,
        };
        return TypedResults.Ok(await work.ListAsync(context.User.ToActor(), query, cancellationToken));
    }

    private static async Task<Results<Ok<FollowUpDetailResponse>, ProblemHttpResult>> GetAsync(
        Guid id, FollowUpWork work, HttpContext context, CancellationToken cancellationToken) =>
        await work.GetAsync(context.User.ToActor(), id, cancellationToken) is { } found
            ? TypedResults.Ok(new FollowUpDetailResponse(found.FollowUp, found.Attempts))
            : NotFound();

    private static async Task<Results<Ok<FollowUp>, ValidationProblem, ProblemHttpResult>> RecordOutcomeAsync(
        Guid id, FollowUpOutcomeInput? request, FollowUpWork work, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await work.RecordOutcomeAsync(context.User.ToActor(), id, request, cancellationToken);
        switch (result.Status)
        {
            case FollowUpOutcomeStatus.Recorded:
                return TypedResults.Ok(result.FollowUp!);
            case FollowUpOutcomeStatus.Invalid:
                var errors = new FieldErrors();
                foreach (var problem in result.Errors!)
                {
                    errors.Add(problem.Field, problem.Reason);
                }

                return errors.ToProblem();
            case FollowUpOutcomeStatus.NotFound:
                return NotFound();
            default:
                return Problems.Conflict("Follow-up not open", "The follow-up is done or closed, or another attempt was recorded first: read it again.");
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<FollowUpDepartmentReport>>, ValidationProblem>> ReportAsync(
        FollowUpWork work, HttpContext context, CancellationToken cancellationToken, Guid? departmentId = null, DateTime? from = null, DateTime? to = null)
    {
        if (from is { } f && to is { } t && f >= t)
        {
            return Problems.Field("to", "must be after 'from'");
        }

        return TypedResults.Ok(await work.ReportAsync(context.User.ToActor(), departmentId, from?.ToUniversalTime(), to?.ToUniversalTime(), cancellationToken));
    }

    private static async Task<Results<Ok<FollowUpPlanResponse>, ProblemHttpResult>> GetPlanAsync(
        Guid id, FollowUpPlans plans, CancellationToken cancellationToken) =>
        await plans.GetAsync(id, cancellationToken) is { } plan
            ? TypedResults.Ok(FollowUpPlanResponse.From(plan))
            : TypedResults.Problem(title: "Department not found", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<FollowUpPlanResponse>, ValidationProblem, ProblemHttpResult>> PutPlanAsync(
        Guid id, FollowUpPlanInput? request, FollowUpPlans plans, HttpContext context, CancellationToken cancellationToken)
    {
        var problems = await plans.SaveAsync(context.User.ToActor(), id, request, cancellationToken);
        if (problems is null)
        {
            return TypedResults.Problem(title: "Department not found", statusCode: StatusCodes.Status404NotFound);
        }

        if (problems.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var problem in problems)
            {
                errors.Add(problem.Field, problem.Reason);
            }

            return errors.ToProblem();
        }

        return TypedResults.Ok(FollowUpPlanResponse.From((await plans.GetAsync(id, cancellationToken))!));
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(title: "Follow-up not found", statusCode: StatusCodes.Status404NotFound);
}
