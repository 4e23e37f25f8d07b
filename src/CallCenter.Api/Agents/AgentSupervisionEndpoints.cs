using CallCenter.Api.Infrastructure;
using CallCenter.Core.Agents.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Agents;

/// <summary>
/// Supervisors acting on an agent (the desk hub offers the same through <c>SetAgentStateAsync</c> and
/// <c>SignOutAgentAsync</c>): Core's <see cref="SupervisorAgentActions"/> decides and audits.
/// </summary>
internal static class AgentSupervisionEndpoints
{
    public static void MapAgentSupervisionEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(Policies.Supervisor);
        group.MapPost("/{userId:guid}/state", SetStateAsync)
            .WithSummary("Put an agent on break (reason required) or offline. Refused (409) while the agent is on a call or an offer rings at them.");
        group.MapPost("/{userId:guid}/sign-out", SignOutAsync)
            .WithSummary("Sign an agent out: offline, their desk told and closed, their tokens refused from now on. Refused (409) during a call or a ringing offer.");
    }

    private static async Task<Results<Ok<AgentStateResponse>, ValidationProblem, ProblemHttpResult>> SetStateAsync(
        Guid userId, AgentStateChangeRequest? request, SupervisorAgentActions supervision, HttpContext context, CancellationToken cancellationToken) =>
        Answer(await supervision.SetStateAsync(context.User.ToActor(), userId, request?.State, request?.Reason, cancellationToken));

    private static async Task<Results<Ok<AgentStateResponse>, ValidationProblem, ProblemHttpResult>> SignOutAsync(
        Guid userId, SupervisorAgentActions supervision, HttpContext context, CancellationToken cancellationToken) =>
        Answer(await supervision.SignOutAsync(context.User.ToActor(), userId, cancellationToken));

    private static Results<Ok<AgentStateResponse>, ValidationProblem, ProblemHttpResult> Answer(SupervisionResult result) => result.Outcome switch
    {
        SupervisionOutcome.Applied => TypedResults.Ok(AgentStateResponse.From(result.Status!)),
        SupervisionOutcome.Invalid => Problems.Field(result.Field!, result.Reason!),
        SupervisionOutcome.NotFound => TypedResults.Problem(
            title: "No such agent", detail: result.Reason, statusCode: StatusCodes.Status404NotFound, extensions: Errors(result)),
        _ => Problems.Conflict(result.Outcome == SupervisionOutcome.Conflict ? "Agent changed meanwhile" : "Not now", result.Reason!, Errors(result)),
    };

    /// <summary>The field and the reason, shaped as a validation problem's errors so clients read every problem alike.</summary>
    private static Dictionary<string, object?> Errors(SupervisionResult result) =>
        new() { ["errors"] = new Dictionary<string, string[]> { [result.Field ?? "agentId"] = [result.Reason ?? ""] } };
}
