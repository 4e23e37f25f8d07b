using CallCenter.Api.Infrastructure;
using CallCenter.Core.Callbacks;
using CallCenter.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Callbacks;

/// <summary>
/// Callbacks: agents schedule them and see their own, supervisors list and reassign them. Dialling is the callback
/// job's (Notifications' <c>CallbackDialJob</c>); see docs/outbound.md, "Callbacks".
/// </summary>
internal static class CallbackEndpoints
{
    public static void MapCallbackEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/callbacks").WithTags("Callbacks");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Callbacks, newest first; filter by status, queue, agent and due time (dueFrom inclusive, dueTo exclusive); paged.");
        group.MapPost("/", ScheduleAsync).RequireAuthorization(Policies.Agent)
            .WithSummary("Schedules a callback for a patient or a number at a time (dialled by the callback job, inside calling hours).");
        group.MapGet("/mine", MineAsync).RequireAuthorization(Policies.Agent)
            .WithSummary("The signed-in agent's open callbacks, soonest first.");
        group.MapPost("/{id:guid}/reassign", ReassignAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Gives an open callback to another agent.");
    }

    private static async Task<Results<Ok<Page<CallbackView>>, ValidationProblem>> ListAsync(
        CallbackService callbacks,
        HttpContext context,
        CancellationToken cancellationToken,
        string? status = null,
        string? queue = null,
        Guid? agentId = null,
        DateTime? dueFrom = null,
        DateTime? dueTo = null,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        var errors = new FieldErrors();
        if (request.Validate() is { } error)
        {
            errors.Add(error.Field, error.Reason);
        }

        if (status is not null && !CallbackStatuses.All.Contains(status))
        {
            errors.Add("status", $"must be one of {string.Join(", ", CallbackStatuses.All)}");
        }

        if (queue is { Length: 0 or > 64 })
        {
            errors.Add("queue", "must be 1 to 64 characters");
        }

        if (dueFrom is { } f && dueTo is { } t && f >= t)
        {
            errors.Add("dueTo", "must be after 'dueFrom'");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var query = new CallbackQuery
        {
            Status = status,
            Queue = queue,
            AgentId = agentId,
            DueFrom = dueFrom?.ToUniversalTime(),
            DueTo = dueTo?.ToUniversalTime(),
        };
        var found = await callbacks.ListAsync(context.User.ToActor(), query, request, cancellationToken);
        return TypedResults.Ok(new Page<CallbackView>([.. found.Items.Select(CallbackView.Of)], found.PageNumber, found.PageSize, found.HasMore));
    }

    private static async Task<Results<Created<CallbackView>, ValidationProblem>> ScheduleAsync(
        CallbackInput? body, CallbackService callbacks, HttpContext context, CancellationToken cancellationToken)
    {
        var (callback, error) = await callbacks.ScheduleAsync(context.User.ToActor(), body, cancellationToken);
        return error is not null
            ? Problems.Field(error.Field, error.Reason)
            : TypedResults.Created($"/api/callbacks/{callback!.Id}", CallbackView.Of(callback));
    }

    private static async Task<Ok<IReadOnlyList<CallbackView>>> MineAsync(CallbackService callbacks, HttpContext context, CancellationToken cancellationToken)
    {
        var mine = await callbacks.ForAgentAsync(context.User.ToActor(), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CallbackView>>([.. mine.Select(CallbackView.Of)]);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ReassignAsync(
        Guid id, ReassignRequest? body, CallbackService callbacks, HttpContext context, CancellationToken cancellationToken)
    {
        var error = await callbacks.ReassignAsync(context.User.ToActor(), id, body?.AgentId, cancellationToken);
        return error switch
        {
            null => TypedResults.NoContent(),
            { Field: "id", Reason: CallbackService.NoSuchCallback } => TypedResults.NotFound(),
            _ => Problems.Field(error.Field, error.Reason),
        };
    }
}
