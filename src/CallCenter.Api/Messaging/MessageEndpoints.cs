using CallCenter.Api.Infrastructure;
using CallCenter.Core.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Messaging;

/// <summary>SMS as agents see them: the record (body included) and its status history, within the agent's patient scope.</summary>
internal static class MessageEndpoints
{
    public static void MapMessageEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/messages").WithTags("Messages").RequireAuthorization(Policies.Agent);
        group.MapGet("/{messageSid}", FindAsync)
            .WithSummary("A message by its carrier SID, with its status history (oldest first).");
    }

    private static async Task<Results<Ok<MessageDetails>, NotFound>> FindAsync(
        string messageSid, MessageService messages, HttpContext context, CancellationToken cancellationToken)
    {
        var details = await messages.FindAsync(context.User.ToActor(), messageSid, cancellationToken);
        return details is null ? TypedResults.NotFound() : TypedResults.Ok(details);
    }
}
