using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Desk;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Agents.Supervision;

/// <summary>
/// Ends every session of an account whose standing changed: an admin disabled it, changed its role or set its
/// password. Unlike a supervisor's sign-out (<see cref="SupervisorAgentActions.SignOutAsync"/>) it is never refused:
/// the security stamp (<see cref="IAccountSessionRepository"/>) is counted up, so every token and cookie of the
/// account stops working; its ringing offers go back to the queue; the agent goes offline unless on a call (the phone
/// call goes on; routing skips a disabled account, and the desk that would take the next offer is closed); and the
/// desk connections on this process are told and closed. Other processes close theirs at their next sweep
/// (<c>Auth:SessionCheckSeconds</c>) and refuse every hub call at once, since hub calls read the stamp from the database.
/// </summary>
public sealed class AccountSessionEnder(
    IAccountSessionRepository sessions,
    IOfferLifecycle offers,
    AgentStateService agents,
    IDeskNotifier notifier,
    IDeskSessions desks,
    IRoutingSignal routing,
    TimeProvider time)
{
    /// <summary>Ends the account's sessions; <paramref name="by"/> is the admin who changed it.</summary>
    public async Task EndAsync(Actor by, Guid userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var now = time.GetUtcNow().UtcDateTime;

        // The stamp first: from here on no request or hub call of the account passes, whatever happens next.
        await sessions.SignOutAsync(userId, by.UserId, now, cancellationToken);

        // Offline before and after withdrawing: a router elsewhere that read the agent as available just before may
        // still claim them (the claim is conditional on available, so after the first it loses); an offer it made
        // meanwhile is withdrawn, which frees the agent, who then goes offline too.
        await OfflineUnlessOnCallAsync(userId, cancellationToken);
        foreach (var offer in await offers.WithdrawForAgentAsync(userId, "signed-out", cancellationToken))
        {
            await notifier.OfferWithdrawnAsync(userId, new OfferWithdrawn(offer.Id, "signed-out"), cancellationToken);
        }

        await OfflineUnlessOnCallAsync(userId, cancellationToken);
        await desks.EndAsync(userId, by.UserName, now, cancellationToken);
        routing.Wake();
    }

    private async Task OfflineUnlessOnCallAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (await agents.GetAsync(userId, cancellationToken) is { State: AgentState.Available or AgentState.WrapUp or AgentState.Break })
        {
            await agents.ApplyAsync(userId, AgentEvent.Of(AgentEventKind.SetOffline), AgentEventSource.System, cancellationToken);
        }
    }
}
