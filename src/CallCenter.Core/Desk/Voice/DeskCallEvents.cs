using CallCenter.Core.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// Resolves the desk's services only for calls that concern the desk, through the request's services: the status
/// path runs for every call, and must not fail for want of a desk where none is configured.
/// </summary>
public sealed partial class DeskCallEvents(IDeskCallRepository calls, IServiceProvider services, TimeProvider time, ILogger<DeskCallEvents> logger)
    : IDeskCallEvents
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
            await services.GetRequiredService<DeskCallEnder>().AgentCallEndedAsync(ended, cancellationToken);
        }

        if (services.GetService<IOfferLifecycle>() is { } offers
            && await offers.WithdrawForCallAsync(callSid, "caller-left", cancellationToken) is { } withdrawn)
        {
            LogWithdrawn(logger, withdrawn.Id, callSid);
            await services.GetRequiredService<IDeskNotifier>().OfferWithdrawnAsync(
                withdrawn.AgentId, new AgentDesk.Contracts.OfferWithdrawn(withdrawn.Id, "caller-left"), cancellationToken);
            services.GetRequiredService<IRoutingSignal>().Wake();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} withdrawn: call {CallSid} is over")]
    private static partial void LogWithdrawn(ILogger logger, Guid offerId, string callSid);
}
