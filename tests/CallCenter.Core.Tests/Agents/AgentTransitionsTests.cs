using CallCenter.Core.Agents;

namespace CallCenter.Core.Tests.Agents;

public sealed class AgentTransitionsTests
{
    private static readonly DateTime Before = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Before.AddMinutes(5);

    private static readonly AgentEventKind[] Events =
    [
        AgentEventKind.SetAvailable, AgentEventKind.SetBreak, AgentEventKind.SetOffline, AgentEventKind.EndWrapUp,
        AgentEventKind.OfferReserved, AgentEventKind.OfferAccepted, AgentEventKind.OfferDeclined, AgentEventKind.OfferTimedOut,
        AgentEventKind.CallEnded, AgentEventKind.WrapUpExpired,
    ];

    // The whole machine as the hub raises events: one row per state, one column per event in the order above;
    // "-" is refused. Written out by hand so a change to the machine has to change this table too.
    private static readonly Dictionary<AgentState, string[]> Expected = new()
    {
        [AgentState.Offline] = ["available", "-", "-", "-", "-", "-", "-", "-", "-", "-"],
        [AgentState.Available] = ["-", "break", "offline", "-", "reserved", "-", "-", "-", "-", "-"],
        [AgentState.Reserved] = ["-", "-", "-", "-", "-", "busy", "available", "available", "-", "-"],
        [AgentState.Busy] = ["-", "-", "-", "-", "-", "-", "-", "-", "wrap-up", "-"],
        [AgentState.WrapUp] = ["-", "break", "offline", "available", "-", "-", "-", "-", "-", "available"],
        [AgentState.Break] = ["available", "break", "offline", "-", "-", "-", "-", "-", "-", "-"],
    };

    public static TheoryData<AgentState, AgentEventKind> EveryPair
    {
        get
        {
            var data = new TheoryData<AgentState, AgentEventKind>();
            foreach (var state in Enum.GetValues<AgentState>())
            {
                foreach (var kind in Events)
                {
                    data.Add(state, kind);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Events_CoverEveryEventKind()
    {
        Assert.Equal(Enum.GetValues<AgentEventKind>().Order(), Events.Order());
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Apply_FromSystem_FollowsTheTable(AgentState state, AgentEventKind kind)
    {
        var current = StatusIn(state);
        var expected = Expected[state][Array.IndexOf(Events, kind)];

        var transition = AgentTransitions.Apply(current, EventFor(kind), AgentEventSource.System, Now, maxMissedOffers: 3);

        if (expected == "-")
        {
            Assert.False(transition.IsAllowed);
            Assert.False(string.IsNullOrWhiteSpace(transition.RefusedReason));
        }
        else
        {
            Assert.True(transition.IsAllowed, transition.RefusedReason);
            Assert.Equal(expected, transition.Next!.State.ToCode());
            Assert.Equal((Now, current.UserId, current.Version), (transition.Next.Since, transition.Next.UserId, transition.Next.Version));
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Apply_FromAgent_RefusesHubEventsAndOtherwiseMatchesSystem(AgentState state, AgentEventKind kind)
    {
        var current = StatusIn(state);

        var byAgent = AgentTransitions.Apply(current, EventFor(kind), AgentEventSource.Agent, Now, maxMissedOffers: 3);
        var bySystem = AgentTransitions.Apply(current, EventFor(kind), AgentEventSource.System, Now, maxMissedOffers: 3);

        var hubOnly = kind is AgentEventKind.OfferReserved or AgentEventKind.OfferTimedOut or AgentEventKind.CallEnded or AgentEventKind.WrapUpExpired;
        if (hubOnly)
        {
            Assert.False(byAgent.IsAllowed);
        }
        else
        {
            Assert.Equal(bySystem.Next?.State, byAgent.Next?.State);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Apply_BreakWithoutReason_IsRefused(string? reason)
    {
        var transition = AgentTransitions.Apply(StatusIn(AgentState.Available), AgentEvent.Break(reason!), AgentEventSource.Agent, Now, 3);

        Assert.Equal("a break needs a reason", transition.RefusedReason);
    }

    [Fact]
    public void Apply_BreakReasonTooLong_IsRefused()
    {
        var transition = AgentTransitions.Apply(
            StatusIn(AgentState.Available), AgentEvent.Break(new string('x', 201)), AgentEventSource.Agent, Now, 3);

        Assert.False(transition.IsAllowed);
    }

    [Fact]
    public void Apply_BreakWithPaddedReason_KeepsTrimmedReason()
    {
        var transition = AgentTransitions.Apply(StatusIn(AgentState.WrapUp), AgentEvent.Break("  lunch "), AgentEventSource.Agent, Now, 3);

        Assert.Equal((AgentState.Break, "lunch", (DateTime?)null), (transition.Next!.State, transition.Next.Reason, transition.Next.WrapUpUntil));
    }

    [Theory]
    [InlineData(AgentState.Busy, "cannot go offline during a call")]
    [InlineData(AgentState.Reserved, "cannot go offline while an offer is ringing")]
    public void Apply_OfflineDuringWork_IsRefusedWithReason(AgentState state, string reason)
    {
        var transition = AgentTransitions.Apply(StatusIn(state), AgentEvent.Of(AgentEventKind.SetOffline), AgentEventSource.Agent, Now, 3);

        Assert.Equal(reason, transition.RefusedReason);
    }

    [Fact]
    public void Apply_OfferTimedOutNTimesInARow_PutsAgentOnBreakForMissedOffers()
    {
        var status = StatusIn(AgentState.Available);
        var states = new List<AgentState>();
        for (var i = 0; i < 3; i++)
        {
            status = Step(status, AgentEvent.Of(AgentEventKind.OfferReserved));
            status = Step(status, AgentEvent.Of(AgentEventKind.OfferTimedOut));
            states.Add(status.State);
        }

        Assert.Equal(new[] { AgentState.Available, AgentState.Available, AgentState.Break }, states);
        Assert.Equal((AgentTransitions.MissedOffersReason, 3), (status.Reason, status.MissedOffers));
    }

    [Fact]
    public void Apply_AcceptBetweenMisses_ResetsTheCount()
    {
        var status = StatusIn(AgentState.Available) with { MissedOffers = 2 };

        status = Step(status, AgentEvent.Of(AgentEventKind.OfferReserved));
        status = Step(status, AgentEvent.Of(AgentEventKind.OfferAccepted));

        Assert.Equal((AgentState.Busy, 0), (status.State, status.MissedOffers));
    }

    [Fact]
    public void Apply_Decline_NeitherCountsNorResetsMisses()
    {
        var status = StatusIn(AgentState.Reserved) with { MissedOffers = 2 };

        status = Step(status, AgentEvent.Of(AgentEventKind.OfferDeclined));

        Assert.Equal((AgentState.Available, 2), (status.State, status.MissedOffers));
    }

    [Fact]
    public void Apply_AvailableAfterMissedOffersBreak_ResetsTheCount()
    {
        var status = StatusIn(AgentState.Break) with { Reason = AgentTransitions.MissedOffersReason, MissedOffers = 3 };

        status = Step(status, AgentEvent.Of(AgentEventKind.SetAvailable));

        Assert.Equal((AgentState.Available, 0, (string?)null), (status.State, status.MissedOffers, status.Reason));
    }

    [Fact]
    public void Apply_CallEnded_HoldsWrapUpForTheQueueTime()
    {
        var status = Step(StatusIn(AgentState.Busy), AgentEvent.CallEnded(45));

        Assert.Equal((AgentState.WrapUp, Now.AddSeconds(45)), (status.State, status.WrapUpUntil));
    }

    [Fact]
    public void Apply_CallEndedWithoutWrapUpTime_MakesAgentAvailable()
    {
        var status = Step(StatusIn(AgentState.Busy), AgentEvent.CallEnded(0));

        Assert.Equal((AgentState.Available, (DateTime?)null), (status.State, status.WrapUpUntil));
    }

    [Fact]
    public void Apply_CallEndedWithNegativeWrapUp_IsRefused()
    {
        var transition = AgentTransitions.Apply(StatusIn(AgentState.Busy), AgentEvent.CallEnded(-1), AgentEventSource.System, Now, 3);

        Assert.False(transition.IsAllowed);
    }

    [Fact]
    public void Apply_WrapUpExpiredBeforeItsTime_IsRefused()
    {
        var status = StatusIn(AgentState.WrapUp) with { WrapUpUntil = Now.AddSeconds(1) };

        var transition = AgentTransitions.Apply(status, AgentEvent.Of(AgentEventKind.WrapUpExpired), AgentEventSource.System, Now, 3);

        Assert.Equal("wrap-up has not run out yet", transition.RefusedReason);
    }

    [Fact]
    public void Apply_AgentEndsWrapUpEarly_MakesAgentAvailable()
    {
        var status = StatusIn(AgentState.WrapUp) with { WrapUpUntil = Now.AddMinutes(1) };

        var transition = AgentTransitions.Apply(status, AgentEvent.Of(AgentEventKind.EndWrapUp), AgentEventSource.Agent, Now, 3);

        Assert.Equal((AgentState.Available, (DateTime?)null), (transition.Next!.State, transition.Next.WrapUpUntil));
    }

    private static AgentStatus Step(AgentStatus status, AgentEvent e)
    {
        var transition = AgentTransitions.Apply(status, e, AgentEventSource.System, Now, maxMissedOffers: 3);
        Assert.True(transition.IsAllowed, transition.RefusedReason);
        return transition.Next!;
    }

    private static AgentEvent EventFor(AgentEventKind kind) => kind switch
    {
        AgentEventKind.SetBreak => AgentEvent.Break("lunch"),
        AgentEventKind.CallEnded => AgentEvent.CallEnded(30),
        _ => AgentEvent.Of(kind),
    };

    private static AgentStatus StatusIn(AgentState state) => new()
    {
        UserId = Guid.NewGuid(),
        State = state,
        Reason = state == AgentState.Break ? "coffee" : null,
        Since = Before,
        WrapUpUntil = state == AgentState.WrapUp ? Before.AddSeconds(30) : null,
        Version = 4,
        UpdatedAt = Before,
    };
}
