using CallCenter.Api.Infrastructure;
using CallCenter.Core.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Jobs;

namespace CallCenter.Api.Jobs;

/// <summary>The scheduler's jobs, for admins: list them, run one now, pause and resume.</summary>
internal static class JobEndpoints
{
    /// <summary>The jobs' services are Notifications' (AddHubJobs, called by ApiSetup); the API adds nothing of its own.</summary>
    public static IServiceCollection AddJobsApi(this IServiceCollection services) => services;

    public static void MapJobEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync)
            .WithSummary("Every job: schedule, next and previous fire time, paused, last outcome, and any run open now with its progress.");
        group.MapPost("/{group}/{name}/run", RunAsync)
            .WithSummary("Fire the job once now (202); the outcome shows in the list when the run ends.");
        group.MapPost("/{group}/{name}/pause", PauseAsync)
            .WithSummary("Pause the job's schedule: nothing fires until it is resumed. Stored, so it survives restarts.");
        group.MapPost("/{group}/{name}/resume", ResumeAsync)
            .WithSummary("Resume the job's schedule; firings missed while paused follow the job's misfire policy.");
    }

    private static async Task<Results<Ok<List<JobResponse>>, ProblemHttpResult>> ListAsync(IJobCatalog jobs, CancellationToken cancellationToken)
    {
        if (!jobs.IsRunning)
        {
            return SchedulerStopped();
        }

        return TypedResults.Ok((await jobs.ListAsync(cancellationToken)).Select(JobResponse.From).ToList());
    }

    private static Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> RunAsync(
        string group, string name, [AsParameters] JobCommandServices services, CancellationToken cancellationToken) =>
        CommandAsync(group, name, "jobs.run", services, services.Jobs.RunNowAsync, cancellationToken);

    private static Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> PauseAsync(
        string group, string name, [AsParameters] JobCommandServices services, CancellationToken cancellationToken) =>
        CommandAsync(group, name, "jobs.pause", services, services.Jobs.PauseAsync, cancellationToken);

    private static Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        string group, string name, [AsParameters] JobCommandServices services, CancellationToken cancellationToken) =>
        CommandAsync(group, name, "jobs.resume", services, services.Jobs.ResumeAsync, cancellationToken);

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> CommandAsync(
        string group, string name, string operation, JobCommandServices services,
        Func<string, string, CancellationToken, Task<JobCommandResult>> command, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!JobNames.IsValid(group))
        {
            errors.Add("group", $"must be 1-{JobNames.MaxLength} letters, digits, '.', '_' or '-'");
        }

        if (!JobNames.IsValid(name))
        {
            errors.Add("name", $"must be 1-{JobNames.MaxLength} letters, digits, '.', '_' or '-'");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        switch (await command(group, name, cancellationToken))
        {
            case JobCommandResult.SchedulerStopped:
                return SchedulerStopped();
            case JobCommandResult.UnknownJob:
                return TypedResults.Problem(
                    title: "Unknown job", detail: $"No job '{group}/{name}' is scheduled.", statusCode: StatusCodes.Status404NotFound,
                    extensions: new Dictionary<string, object?> { ["group"] = group, ["name"] = name });
            default:
                await services.Audit.WriteAsync(services.Context.User.ToActor(), operation, null, AuditOutcomes.Success, $"job {group}/{name}", cancellationToken);
                return TypedResults.Accepted($"/api/jobs");
        }
    }

    private static ProblemHttpResult SchedulerStopped() => TypedResults.Problem(
        title: "Scheduler not running",
        detail: "This hub's job scheduler is not running (Jobs:StartScheduler is false, or the hub is stopping).",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
