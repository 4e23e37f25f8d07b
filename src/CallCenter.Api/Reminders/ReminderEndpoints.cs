using CallCenter.Api.Infrastructure;
using CallCenter.Core.Reminders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Reminders;

/// <summary>
/// Reminder plans and visit settings per department (supervisors), a patient's no-show record, and the two runs the
/// scheduled jobs make (no-show marking, waitlist offer expiry), callable by supervisors.
/// </summary>
internal static class ReminderEndpoints
{
    public static IServiceCollection AddRemindersApi(this IServiceCollection services) => services;

    public static void MapReminderEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var departments = app.MapGroup("/api/departments/{id:guid}").WithTags("Reminders").RequireAuthorization(Policies.Supervisor);
        departments.MapGet("/reminder-plan", GetPlanAsync).WithSummary("The department's reminder steps (the defaults when it has none: a confirmation request 72 h before, a reminder 24 h before, by SMS).");
        departments.MapPut("/reminder-plan", PutPlanAsync).WithSummary("Replace the department's reminder steps; appointments booked or moved from now on follow it.");
        departments.MapGet("/visit-settings", GetSettingsAsync).WithSummary("The department's no-show grace and waitlist offer window.");
        departments.MapPut("/visit-settings", PutSettingsAsync).WithSummary("Set the department's no-show grace and waitlist offer window (minutes).");

        var patients = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Reminders").RequireAuthorization(Policies.Agent);
        patients.MapGet("/no-shows", GetNoShowsAsync).WithSummary("The patient's no-shows: in total, recently, and whether that flags the patient.");

        var runs = app.MapGroup("/api/reminders").WithTags("Reminders").RequireAuthorization(Policies.Supervisor);
        runs.MapPost("/no-shows/run", MarkNoShowsAsync).WithSummary("Mark now the appointments past their start plus grace and not checked in as no-shows (what the job does every minute).");
        runs.MapPost("/waitlist-offers/expire", ExpireOffersAsync).WithSummary("Expire lapsed waitlist offers now and offer their places to the next patients waiting.");
    }

    private static async Task<Results<Ok<ReminderPlanResponse>, ProblemHttpResult>> GetPlanAsync(
        Guid id, DepartmentReminderSettings settings, CancellationToken cancellationToken) =>
        await settings.GetPlanAsync(id, cancellationToken) is { } plan
            ? TypedResults.Ok(ReminderPlanResponse.From(id, plan))
            : NotFound();

    private static async Task<Results<Ok<ReminderPlanResponse>, ValidationProblem, ProblemHttpResult>> PutPlanAsync(
        Guid id, ReminderPlanRequest? request, DepartmentReminderSettings settings, HttpContext context, CancellationToken cancellationToken)
    {
        var inputs = request?.Steps?.Select(s => s is null ? null : new ReminderStepInput(s.OffsetMinutes, s.Purpose, s.Channel)).ToList();
        var problems = ReminderPlanValidator.Validate(inputs, out var plan);
        if (problems.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var problem in problems)
            {
                errors.Add(problem.Field, problem.Reason);
            }

            return errors.ToProblem();
        }

        return await settings.SavePlanAsync(context.User.ToActor(), id, plan!, cancellationToken)
            ? TypedResults.Ok(ReminderPlanResponse.From(id, plan!))
            : NotFound();
    }

    private static async Task<Results<Ok<VisitSettingsResponse>, ProblemHttpResult>> GetSettingsAsync(
        Guid id, DepartmentReminderSettings settings, CancellationToken cancellationToken) =>
        await settings.GetVisitSettingsAsync(id, cancellationToken) is { } value
            ? TypedResults.Ok(VisitSettingsResponse.From(id, value))
            : NotFound();

    private static async Task<Results<Ok<VisitSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutSettingsAsync(
        Guid id, VisitSettingsRequest? request, DepartmentReminderSettings settings, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request?.NoShowGraceMinutes is not { } grace || grace < 0 || grace > DepartmentVisitSettings.MaxNoShowGraceMinutes)
        {
            errors.Add("noShowGraceMinutes", $"is required: minutes after the start, 0 to {DepartmentVisitSettings.MaxNoShowGraceMinutes}");
        }

        if (request?.WaitlistOfferMinutes is not { } offer || offer < 1 || offer > DepartmentVisitSettings.MaxWaitlistOfferMinutes)
        {
            errors.Add("waitlistOfferMinutes", $"is required: how long an offer stands, 1 to {DepartmentVisitSettings.MaxWaitlistOfferMinutes} minutes");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var value = new DepartmentVisitSettings(request!.NoShowGraceMinutes!.Value, request.WaitlistOfferMinutes!.Value);
        return await settings.SaveVisitSettingsAsync(context.User.ToActor(), id, value, cancellationToken)
            ? TypedResults.Ok(VisitSettingsResponse.From(id, value))
            : NotFound();
    }

    private static async Task<Results<Ok<NoShowRecordResponse>, ProblemHttpResult>> GetNoShowsAsync(
        Guid patientId, NoShowRecords records, HttpContext context, CancellationToken cancellationToken) =>
        await records.GetAsync(context.User.ToActor(), patientId, cancellationToken) is { } record
            ? TypedResults.Ok(NoShowRecordResponse.From(patientId, record))
            : TypedResults.Problem(title: "Patient not found", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Ok<ReminderRunResponse>> MarkNoShowsAsync(ReminderRuns runs, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReminderRunResponse(await runs.MarkNoShowsAsync(cancellationToken)));

    private static async Task<Ok<ReminderRunResponse>> ExpireOffersAsync(ReminderRuns runs, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReminderRunResponse(await runs.ExpireOffersAsync(cancellationToken)));

    private static ProblemHttpResult NotFound() => TypedResults.Problem(title: "Department not found", statusCode: StatusCodes.Status404NotFound);
}
