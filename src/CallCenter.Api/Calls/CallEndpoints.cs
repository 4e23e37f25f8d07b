using CallCenter.Api.Infrastructure;
using CallCenter.Core.Calls;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Calls;

/// <summary>Calls as agents see them: the record and its status history, within the agent's patient scope.</summary>
internal static class CallEndpoints
{
    public static void MapCallEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/calls").WithTags("Calls").RequireAuthorization(Policies.Agent);
        group.MapGet("/{callSid}", FindAsync)
            .WithSummary("A call by its carrier SID, with its status history (oldest first).");
    }

    private static async Task<Results<Ok<CallDetails>, NotFound>> FindAsync(
        string callSid, CallService calls, HttpContext context, CancellationToken cancellationToken)
    {
        var details = await calls.FindAsync(context.User.ToActor(), callSid, cancellationToken);
        return details is null ? TypedResults.NotFound() : TypedResults.Ok(details);
    }
}
