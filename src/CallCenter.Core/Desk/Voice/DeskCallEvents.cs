using CallCenter.Core.Routing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// What the desk does when a call is over on the phone side: ends the agent's part of it (once, however many status
/// webhooks report it) and withdraws an offer still ringing for it.
/// </summary>
public sealed partial class DeskCallEvents(
    IDeskCallRepository calls,
    DeskCallEnder ender,
    IOfferLifecycle offers,
    IDeskNotifier notifier,
    IRoutingSignal routing,
    TimeProvider time,
    ILogger<DeskCallEvents> logger) : IDeskCallEvents
{
    public async Task CallOverAsync(string callSid, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callSid);
        var now = time.GetUtcNow().UtcDateTime;
        var change = await calls.ChangeCallAsync(
            callSid,
            row => row.HasAgent
                ? row.EndAgentPart(DeskEndReasons.CallerHungUp, now)
                : row.Status == DeskCallStatuses.Transferring ? row with { Status = DeskCallStatuses.Ended } : null,
            cancellationToken);
        if (change is { Before.HasAgent: true, After: { } ended })
        {
            await ender.AgentCallEndedAsync(ended, cancellationToken);
        }

        if (await offers.WithdrawForCallAsync(callSid, "caller-left", cancellationToken) is { } withdrawn)
        {
            LogWithdrawn(logger, withdrawn.Id, callSid);
            await notifier.OfferWithdrawnAsync(
                withdrawn.AgentId, new AgentDesk.Contracts.OfferWithdrawn(withdrawn.Id, "caller-left"), cancellationToken);
            routing.Wake();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} withdrawn: call {CallSid} is over")]
    private static partial void LogWithdrawn(ILogger logger, Guid offerId, string callSid);
}
