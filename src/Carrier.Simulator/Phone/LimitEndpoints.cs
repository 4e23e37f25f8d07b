using Carrier.Simulator.Calls;
using Carrier.Simulator.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carrier.Simulator.Phone;

/// <summary>
/// The carrier's throttling, read and changed while it runs: <c>messageCreatesPerSecond</c> (null for no limit), so
/// a test can make the carrier answer 429 with Retry-After to the hub's message creates; and <c>message-hold</c>, so
/// a test can make the carrier keep outbound messages queued (no date sent yet); and <c>status-callbacks</c>, so a test
/// can make the hub miss every call's final status callback (<see cref="StatusCallbackDrop"/>).
/// </summary>
internal static class LimitEndpoints
{
    public static void MapLimitEndpoints(this RouteGroupBuilder simulator)
    {
        simulator.MapGet("/limits", (MessageRateLimiter limiter) => TypedResults.Ok(new LimitsBody(limiter.PerSecond)));
        simulator.MapPut("/limits", SetLimits);
        simulator.MapGet("/message-hold", (MessageHold hold) => TypedResults.Ok(new MessageHoldBody(hold.Holding)));
        simulator.MapPut("/message-hold", SetMessageHold);
        simulator.MapGet("/status-callbacks", (StatusCallbackDrop drop) => TypedResults.Ok(new StatusCallbacksBody(drop.DropFinal)));
        simulator.MapPut("/status-callbacks", SetStatusCallbacks);
    }

    private static Results<Ok<MessageHoldBody>, ValidationProblem> SetMessageHold(MessageHoldBody? body, MessageService messages, MessageHold hold)
    {
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["hold"] = ["is required: true or false"] });
        }

        messages.Hold(body.Hold);
        return TypedResults.Ok(new MessageHoldBody(hold.Holding));
    }

    private static Results<Ok<StatusCallbacksBody>, ValidationProblem> SetStatusCallbacks(StatusCallbacksBody? body, StatusCallbackDrop drop)
    {
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dropFinal"] = ["is required: true or false"] });
        }

        drop.DropFinal = body.DropFinal;
        return TypedResults.Ok(new StatusCallbacksBody(drop.DropFinal));
    }

    private static Results<Ok<LimitsBody>, ValidationProblem> SetLimits(LimitsBody? body, MessageRateLimiter limiter)
    {
        if (body?.MessageCreatesPerSecond is < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["messageCreatesPerSecond"] = ["must be at least 1, or null for no limit"],
            });
        }

        limiter.PerSecond = body?.MessageCreatesPerSecond;
        return TypedResults.Ok(new LimitsBody(limiter.PerSecond));
    }
}
