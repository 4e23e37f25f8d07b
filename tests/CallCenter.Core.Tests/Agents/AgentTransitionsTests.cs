using CallCenter.Core.Agents;

namespace CallCenter.Core.Tests.Agents;

/// <summary>The rules around the table: break reasons, missed offers, wrap-up time.</summary>
public sealed class AgentTransitionsTests
{
    private static readonly DateTime Before = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Before.AddMinutes(5);

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

    private static AgentStatus StatusIn(AgentState state) => AgentTransitionTableTests.StatusIn(state, Before);
}
