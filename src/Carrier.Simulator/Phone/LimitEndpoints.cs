using Carrier.Simulator.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carrier.Simulator.Phone;

/// <summary>
/// The carrier's throttling, read and changed while it runs: <c>messageCreatesPerSecond</c> (null for no limit), so
/// a test can make the carrier answer 429 with Retry-After to the hub's message creates.
/// </summary>
internal static class LimitEndpoints
{
    public static void MapLimitEndpoints(this RouteGroupBuilder simulator)
    {
        simulator.MapGet("/limits", (MessageRateLimiter limiter) => TypedResults.Ok(new LimitsBody(limiter.PerSecond)));
        simulator.MapPut("/limits", SetLimits);
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
