namespace CallCenter.Core.Agents;

/// <summary>
/// The agent state machine, pure: given the current status and an event, the next status or the reason it is
/// refused. Agents may only ask for their own events (available, break, offline, end wrap-up, accept, decline);
/// offers, call ends and timers are the hub's.
/// </summary>
public static class AgentTransitions
{
    /// <summary>The break reason given when an agent is paused for missing offers in a row.</summary>
    public const string MissedOffersReason = "missed offers";

    public const int MaxReasonLength = 200;

    public static bool AgentMayAsk(AgentEventKind kind) => kind is AgentEventKind.SetAvailable or AgentEventKind.SetBreak
        or AgentEventKind.SetOffline or AgentEventKind.EndWrapUp or AgentEventKind.OfferAccepted or AgentEventKind.OfferDeclined;

    public static AgentTransition Apply(AgentStatus current, AgentEvent e, AgentEventSource source, DateTime now, int maxMissedOffers)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(e);
        if (source == AgentEventSource.Agent && !AgentMayAsk(e.Kind))
        {
            return AgentTransition.Refuse($"only the hub raises {e.Kind}");
        }

        var state = current.State;
        return e.Kind switch
        {
            AgentEventKind.SetAvailable => state is AgentState.Offline or AgentState.Break
                ? Move(current, AgentState.Available, now, missedOffers: 0)
                : Refuse(state, "cannot become available"),
            AgentEventKind.SetBreak => SetBreak(current, e.Reason, now),
            AgentEventKind.SetOffline => state switch
            {
                AgentState.Busy => AgentTransition.Refuse("cannot go offline during a call"),
                AgentState.Reserved => AgentTransition.Refuse("cannot go offline while an offer is ringing"),
                AgentState.Offline => AgentTransition.Refuse("already offline"),
                _ => Move(current, AgentState.Offline, now),
            },
            AgentEventKind.EndWrapUp or AgentEventKind.WrapUpExpired => EndWrapUp(current, e.Kind, now),
            AgentEventKind.OfferReserved => state == AgentState.Available
                ? Move(current, AgentState.Reserved, now)
                : Refuse(state, "cannot take an offer"),
            AgentEventKind.OfferAccepted => state == AgentState.Reserved
                ? Move(current, AgentState.Busy, now, missedOffers: 0)
                : Refuse(state, "has no offer to accept"),
            AgentEventKind.OfferDeclined => state == AgentState.Reserved
                ? Move(current, AgentState.Available, now)
                : Refuse(state, "has no offer to decline"),
            AgentEventKind.OfferTimedOut => state == AgentState.Reserved
                ? Missed(current, now, maxMissedOffers)
                : Refuse(state, "has no ringing offer"),
            AgentEventKind.OfferWithdrawn => state == AgentState.Reserved
                ? Move(current, AgentState.Available, now)
                : Refuse(state, "has no ringing offer"),
            AgentEventKind.CallEnded => CallEnded(current, e.WrapUpSeconds, now),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Unknown agent event."),
        };
    }

    private static AgentTransition SetBreak(AgentStatus current, string? reason, DateTime now)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return AgentTransition.Refuse("a break needs a reason");
        }

        if (trimmed.Length > MaxReasonLength)
        {
            return AgentTransition.Refuse($"a break reason has at most {MaxReasonLength} characters");
        }

        // A break only starts between calls; offline agents make themselves available first.
        return current.State is AgentState.Available or AgentState.WrapUp or AgentState.Break
            ? Move(current, AgentState.Break, now, trimmed)
            : Refuse(current.State, "cannot go on break");
    }

    private static AgentTransition EndWrapUp(AgentStatus current, AgentEventKind kind, DateTime now)
    {
        if (current.State != AgentState.WrapUp)
        {
            return Refuse(current.State, "is not in wrap-up");
        }

        // The timer may only end wrap-up once it has run out; a late or early tick changes nothing.
        if (kind == AgentEventKind.WrapUpExpired && current.WrapUpUntil > now)
        {
            return AgentTransition.Refuse("wrap-up has not run out yet");
        }

        return Move(current, AgentState.Available, now);
    }

    private static AgentTransition Missed(AgentStatus current, DateTime now, int maxMissedOffers)
    {
        var missed = current.MissedOffers + 1;
        return missed >= maxMissedOffers
            ? Move(current, AgentState.Break, now, MissedOffersReason, missed)
            : Move(current, AgentState.Available, now, missedOffers: missed);
    }

    private static AgentTransition CallEnded(AgentStatus current, int wrapUpSeconds, DateTime now)
    {
        if (current.State != AgentState.Busy)
        {
            return Refuse(current.State, "has no call to end");
        }

        if (wrapUpSeconds < 0)
        {
            return AgentTransition.Refuse("wrap-up time cannot be negative");
        }

        // A queue without wrap-up time hands the agent straight back to routing.
        return wrapUpSeconds == 0
            ? Move(current, AgentState.Available, now)
            : AgentTransition.To(Status(current, AgentState.WrapUp, now, null) with { WrapUpUntil = now.AddSeconds(wrapUpSeconds) });
    }

    private static AgentTransition Refuse(AgentState state, string what) => AgentTransition.Refuse($"an agent in {state.ToCode()} {what}");

    private static AgentTransition Move(AgentStatus current, AgentState to, DateTime now, string? reason = null, int? missedOffers = null) =>
        AgentTransition.To(Status(current, to, now, reason) with { MissedOffers = missedOffers ?? current.MissedOffers });

    private static AgentStatus Status(AgentStatus current, AgentState to, DateTime now, string? reason) => current with
    {
        State = to, Reason = reason, Since = now, WrapUpUntil = null, UpdatedAt = now,
    };
}
