using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Callbacks;

/// <summary>
/// Finishes dials the hub never heard the end of (the final status callback was lost: the hub was down, the webhook
/// failed). Every dial in flight for longer than <see cref="CallbackOptions.DialCheckAfter"/> is looked up at the
/// carrier (<c>GET Calls/{Sid}.json</c>): a final status ends the attempt through <see cref="CallbackAttempts.EndAsync"/>,
/// the webhook's own path, so it happens once and a webhook arriving later changes nothing; a call still going is
/// looked at again later; a call the carrier does not know (404, or no call recorded and none to the number since the
/// attempt began) counts as failed and is retried by the rules. A carrier that does not answer leaves the dial as it
/// is, for the next check.
/// </summary>
public sealed partial class CallbackDialChecks(
    ICallbackRepository callbacks,
    CallbackAttempts attempts,
    TwilioRestClientFactory twilio,
    IOptions<CallbackOptions> options,
    TimeProvider time,
    ILogger<CallbackDialChecks> logger)
{
    // Twilio's dates are whole seconds: a call created in the second the attempt began still counts as its call.
    private static readonly TimeSpan DateSlack = TimeSpan.FromSeconds(1);

    public async Task<CallbackCheckResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        var result = new CallbackCheckResult();
        var now = time.GetUtcNow().UtcDateTime;
        var stuck = await callbacks.DialsInFlightAsync(now - options.Value.DialCheckAfter, options.Value.BatchSize, cancellationToken);
        var client = twilio.Create();
        foreach (var dial in stuck)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var call = await CarrierCallAsync(client, dial, cancellationToken);
                if (call is { Status: { } status } && !status.IsFinal())
                {
                    await callbacks.MarkDialCheckedAsync(dial.Id, dial.Attempt, now, cancellationToken);
                    result.StillGoing++;
                    continue;
                }

                var outcome = call is { Status: { } final } ? CallbackOutcomes.Of(final, call.AnsweredBy) : CallbackOutcomes.Failed;
                if (await callbacks.FindAsync(dial.Id, cancellationToken) is { } callback && await attempts.EndAsync(callback, dial.Attempt, outcome, cancellationToken))
                {
                    LogEnded(logger, dial.Id, dial.Attempt, call?.Sid, outcome);
                    if (call is null)
                    {
                        result.Unknown++;
                    }
                    else
                    {
                        result.Ended++;
                    }
                }
            }
            catch (Exception ex) when (CarrierFailure.Is(ex, cancellationToken))
            {
                LogCarrierFailed(logger, dial.Id, dial.Attempt, ex);
                result.Unanswered++;
            }
        }

        return result;
    }

    /// <summary>The attempt's call as the carrier has it; null when the carrier does not know it.</summary>
    private static async Task<CallResource?> CarrierCallAsync(TwilioRestClient client, DialInFlight dial, CancellationToken cancellationToken)
    {
        if (dial.CallSid is { } sid)
        {
            try
            {
                return await client.FetchCallAsync(sid, cancellationToken);
            }
            catch (TwilioApiException ex) when (ex.HttpStatus == 404)
            {
                return null;
            }
        }

        // No SID recorded: the newest call to the number created since the attempt began, if the create reached the carrier.
        var page = await client.ListCallsAsync(new CallListFilter { To = dial.Number, PageSize = 20 }, cancellationToken);
        var since = (dial.StartedAt ?? DateTime.MinValue) - DateSlack;
        return page.Calls.FirstOrDefault(c => c.DateCreated is { } created && created.UtcDateTime >= since);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CallbackId} attempt {Attempt}: no final status came; the carrier has call {CallSid}, so it ended {Outcome}")]
    private static partial void LogEnded(ILogger logger, Guid callbackId, int attempt, string? callSid, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CallbackId} attempt {Attempt}: the carrier did not say where its call got to; checked again later")]
    private static partial void LogCarrierFailed(ILogger logger, Guid callbackId, int attempt, Exception exception);
}
