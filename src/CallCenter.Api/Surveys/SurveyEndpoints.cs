using CallCenter.Api.Infrastructure;
using CallCenter.Core.Common;
using CallCenter.Core.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Surveys;

/// <summary>Survey definitions (admins: create, edit as a new version, retire) and their results (supervisors, JSON or CSV).</summary>
internal static class SurveyEndpoints
{
    public static void MapSurveyEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var results = app.MapGroup("/api/surveys/results").WithTags("Surveys").RequireAuthorization(Policies.Supervisor);
        results.MapGet("/", ListResultsAsync)
            .WithSummary("Survey answers, newest first, with their call, agent, queue, department and doctor; filter by those, the survey and received time (from inclusive, to exclusive). ?format=csv or Accept: text/csv for CSV.");

        var surveys = app.MapGroup("/api/surveys").WithTags("Surveys").RequireAuthorization(Policies.Admin);
        surveys.MapGet("/", ListAsync).WithSummary("The current version of every active survey.");
        surveys.MapGet("/{key}", GetAsync).WithSummary("A survey's newest version, or ?version=n.");
        surveys.MapPost("/", CreateAsync).WithSummary("Create a survey (version 1): bilingual name and questions (csat, nps, yes-no, text) and its triggers.");
        surveys.MapPut("/{key}", UpdateAsync).WithSummary("Edit a survey: saves a new version; surveys already sent keep theirs.");
        surveys.MapDelete("/{key}", RetireAsync).WithSummary("Retire a survey: nothing new is sent; its answers stay.");
    }

    private static async Task<Ok<IReadOnlyList<SurveyResponse>>> ListAsync(SurveyDefinitions surveys, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<SurveyResponse>>([.. (await surveys.ListAsync(cancellationToken)).Select(SurveyResponse.From)]);

    private static async Task<Results<Ok<SurveyResponse>, ProblemHttpResult>> GetAsync(
        string key, SurveyDefinitions surveys, CancellationToken cancellationToken, int? version = null) =>
        await surveys.GetAsync(key, version, cancellationToken) is { } definition ? TypedResults.Ok(SurveyResponse.From(definition)) : NotFound();

    private static async Task<Results<Created<SurveyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SurveyDefinitionInput? request, SurveyDefinitions surveys, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await surveys.CreateAsync(context.User.ToActor(), request, cancellationToken);
        return result.Outcome switch
        {
            SurveySaveOutcome.Saved => TypedResults.Created($"/api/surveys/{result.Definition!.Key}", SurveyResponse.From(result.Definition)),
            SurveySaveOutcome.Invalid => Invalid(result),
            _ => Problems.Conflict("Survey exists", "A survey with this key exists: edit it with PUT /api/surveys/{key}."),
        };
    }

    private static async Task<Results<Ok<SurveyResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string key, SurveyDefinitionInput? request, SurveyDefinitions surveys, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await surveys.UpdateAsync(context.User.ToActor(), key, request, cancellationToken);
        return result.Outcome switch
        {
            SurveySaveOutcome.Saved => TypedResults.Ok(SurveyResponse.From(result.Definition!)),
            SurveySaveOutcome.Invalid => Invalid(result),
            SurveySaveOutcome.NotFound => NotFound(),
            _ => Problems.Conflict("Edited meanwhile", "Another edit saved this version first: read the survey again and repeat the change."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetireAsync(
        string key, SurveyDefinitions surveys, HttpContext context, CancellationToken cancellationToken) =>
        await surveys.RetireAsync(context.User.ToActor(), key, cancellationToken) ? TypedResults.NoContent() : NotFound();

    private static async Task<Results<Ok<Page<SurveyResult>>, ContentHttpResult, ValidationProblem>> ListResultsAsync(
        SurveyResults results,
        HttpContext context,
        CancellationToken cancellationToken,
        string? survey = null,
        DateTime? from = null,
        DateTime? to = null,
        Guid? agentId = null,
        string? queue = null,
        Guid? departmentId = null,
        Guid? doctorId = null,
        string? callSid = null,
        string? trigger = null,
        string? format = null,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        var errors = new FieldErrors();
        if (request.Validate() is { } error)
        {
            errors.Add(error.Field, error.Reason);
        }

        if (from is { } f && to is { } t && f >= t)
        {
            errors.Add("to", "must be after 'from'");
        }

        if (trigger is not null && !SurveyTriggerKinds.Sources.Contains(trigger))
        {
            errors.Add("trigger", "must be one of " + string.Join(", ", SurveyTriggerKinds.Sources));
        }

        if (format is not null && format is not ("csv" or "json"))
        {
            errors.Add("format", "must be csv or json");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var query = new SurveyResultQuery
        {
            SurveyKey = survey,
            From = from?.ToUniversalTime(),
            To = to?.ToUniversalTime(),
            AgentId = agentId,
            QueueName = queue,
            DepartmentId = departmentId,
            DoctorId = doctorId,
            CallSid = callSid,
            TriggerKind = trigger,
            Page = request,
        };
        var found = await results.ListAsync(context.User.ToActor(), query, cancellationToken);
        var csv = format == "csv" || (format is null && context.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase)));
        return csv ? TypedResults.Text(SurveyResultCsv.Write(found.Items), "text/csv; charset=utf-8") : TypedResults.Ok(found);
    }

    private static ValidationProblem Invalid(SurveySaveResult result)
    {
        var errors = new FieldErrors();
        foreach (var problem in result.Errors ?? [])
        {
            errors.Add(problem.Field, problem.Reason);
        }

        return errors.ToProblem();
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(title: "Survey not found", statusCode: StatusCodes.Status404NotFound);
}
