using CallCenter.Api.Infrastructure;
using CallCenter.Core.Ivr;
using CallCenter.Core.Queues;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Queues;

/// <summary>Queues: supervisors read them, admins configure them.</summary>
internal static class QueueEndpoints
{
    /// <summary>The queues' services are Core's (AddQueues); the API adds nothing of its own.</summary>
    public static IServiceCollection AddQueuesApi(this IServiceCollection services) => services;

    public static void MapQueuesEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/queues").WithTags("Queues").RequireAuthorization(Policies.Supervisor);
        group.MapGet("/", ListAsync).WithSummary("List the queues with their settings.");
        group.MapGet("/{name}", GetAsync).WithSummary("One queue with its settings.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Create a queue: name, required skills, strategy, service level, maximum wait, overflow, wrap-up, short-abandon seconds, wallboard thresholds.");
        group.MapPut("/{name}", UpdateAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Change a queue's settings; fields left out keep their values.");
        group.MapDelete("/{name}", DeleteAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Delete a queue no call, callback request or other queue's overflow refers to (409 otherwise).");
    }

    private static async Task<Ok<List<QueueResponse>>> ListAsync(IQueueSettingsRepository queues, CancellationToken cancellationToken)
    {
        var all = await queues.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(QueueResponse.From).ToList());
    }

    private static async Task<Results<Ok<QueueResponse>, NotFound>> GetAsync(string name, IQueueSettingsRepository queues, CancellationToken cancellationToken) =>
        QueueSettingsRules.IsValidName(name) && await queues.FindAsync(name, cancellationToken) is { } queue
            ? TypedResults.Ok(QueueResponse.From(queue))
            : TypedResults.NotFound();

    private static async Task<Results<Created<QueueResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        QueueRequest request, QueueSettingsService queues, HttpContext context, ILogger<QueueSettingsService> logger, CancellationToken cancellationToken)
    {
        var result = await queues.CreateAsync(request.ToNew(), cancellationToken);
        switch (result.Outcome)
        {
            case QueueSaveOutcome.Invalid:
                return ToProblem(result.Errors);
            case QueueSaveOutcome.Duplicate:
                return Problems.Conflict("Queue name taken", $"A queue named '{request.Name}' already exists.");
            default:
                logger.LogInformation("Queue {Queue} created by user {UserId}", result.Queue!.Name, context.User.ToActor().UserId);
                return TypedResults.Created($"/api/queues/{result.Queue.Name}", QueueResponse.From(result.Queue));
        }
    }

    private static async Task<Results<Ok<QueueResponse>, NotFound, ValidationProblem>> UpdateAsync(
        string name, QueueRequest request, QueueSettingsService queues, IQueueSettingsRepository store, HttpContext context,
        ILogger<QueueSettingsService> logger, CancellationToken cancellationToken)
    {
        if (!QueueSettingsRules.IsValidName(name) || await store.FindAsync(name, cancellationToken) is not { } current)
        {
            return TypedResults.NotFound();
        }

        if (request.Name is not null && !string.Equals(request.Name, name, StringComparison.Ordinal))
        {
            return Problems.Field("name", "cannot be changed: it is the queue's key in flows and calls");
        }

        var result = await queues.UpdateAsync(name, request.Apply(current), cancellationToken);
        switch (result.Outcome)
        {
            case QueueSaveOutcome.Invalid:
                return ToProblem(result.Errors);
            case QueueSaveOutcome.Saved:
                logger.LogInformation("Queue {Queue} changed by user {UserId}", name, context.User.ToActor().UserId);
                return TypedResults.Ok(QueueResponse.From(result.Queue!));
            default:
                return TypedResults.NotFound();
        }
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        string name, IQueueSettingsRepository queues, FlowQueueUsage flows, HttpContext context, ILogger<QueueSettingsService> logger, CancellationToken cancellationToken)
    {
        if (!QueueSettingsRules.IsValidName(name))
        {
            return TypedResults.NotFound();
        }

        // A flow sending callers to a deleted queue would fail on every such call; edit the flow first.
        var all = await queues.ListAsync(cancellationToken);
        if (all.Any(q => q.Name == name) && flows.FlowsUsing(name, all.Select(q => q.Name)) is { Count: > 0 } usedBy)
        {
            return Problems.Conflict(
                "Queue in use",
                $"Active IVR flows send callers to queue '{name}': {string.Join(", ", usedBy)}. Change those flows first.",
                new Dictionary<string, object?> { ["queue"] = name, ["flows"] = usedBy });
        }

        switch (await queues.DeleteAsync(name, cancellationToken))
        {
            case QueueDeleteOutcome.Deleted:
                logger.LogInformation("Queue {Queue} deleted by user {UserId}", name, context.User.ToActor().UserId);
                return TypedResults.NoContent();
            case QueueDeleteOutcome.InUse:
                return Problems.Conflict(
                    "Queue in use",
                    $"Calls, callback requests or another queue's overflow refer to queue '{name}'.",
                    new Dictionary<string, object?> { ["queue"] = name });
            default:
                return TypedResults.NotFound();
        }
    }

    private static ValidationProblem ToProblem(IReadOnlyList<QueueFieldError> errors)
    {
        var problem = new FieldErrors();
        foreach (var error in errors)
        {
            problem.Add(error.Field, error.Reason);
        }

        return problem.ToProblem();
    }
}
