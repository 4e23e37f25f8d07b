using CallCenter.Core.Agents;

namespace CallCenter.Core.Tests.Agents;

/// <summary>Every state against every event: the machine as one table.</summary>
public sealed class AgentTransitionTableTests
{
    private static readonly DateTime Before = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Before.AddMinutes(5);

    private static readonly AgentEventKind[] Events =
    [
        AgentEventKind.SetAvailable, AgentEventKind.SetBreak, AgentEventKind.SetOffline, AgentEventKind.EndWrapUp,
        AgentEventKind.OfferReserved, AgentEventKind.OfferAccepted, AgentEventKind.OfferDeclined, AgentEventKind.OfferTimedOut,
        AgentEventKind.CallEnded, AgentEventKind.WrapUpExpired, AgentEventKind.OfferWithdrawn,
    ];

    // The whole machine as the hub raises events: one row per state, one column per event in the order above;
    // "-" is refused. Written out by hand so a change to the machine has to change this table too.
    private static readonly Dictionary<AgentState, string[]> Expected = new()
    {
        [AgentState.Offline] = ["available", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"],
        [AgentState.Available] = ["-", "break", "offline", "-", "reserved", "-", "-", "-", "-", "-", "-"],
        [AgentState.Reserved] = ["-", "-", "-", "-", "-", "busy", "available", "available", "-", "-", "available"],
        [AgentState.Busy] = ["-", "-", "-", "-", "-", "-", "-", "-", "wrap-up", "-", "-"],
        [AgentState.WrapUp] = ["-", "break", "offline", "available", "-", "-", "-", "-", "-", "available", "-"],
        [AgentState.Break] = ["available", "break", "offline", "-", "-", "-", "-", "-", "-", "-", "-"],
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
        var current = StatusIn(state, Before);
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
        var current = StatusIn(state, Before);

        var byAgent = AgentTransitions.Apply(current, EventFor(kind), AgentEventSource.Agent, Now, maxMissedOffers: 3);
        var bySystem = AgentTransitions.Apply(current, EventFor(kind), AgentEventSource.System, Now, maxMissedOffers: 3);

        var hubOnly = kind is AgentEventKind.OfferReserved or AgentEventKind.OfferTimedOut or AgentEventKind.CallEnded or AgentEventKind.WrapUpExpired
            or AgentEventKind.OfferWithdrawn;
        if (hubOnly)
        {
            Assert.False(byAgent.IsAllowed);
        }
        else
        {
            Assert.Equal(bySystem.Next?.State, byAgent.Next?.State);
        }
    }

    private static AgentEvent EventFor(AgentEventKind kind) => kind switch
    {
        AgentEventKind.SetBreak => AgentEvent.Break("lunch"),
        AgentEventKind.CallEnded => AgentEvent.CallEnded(30),
        _ => AgentEvent.Of(kind),
    };

    internal static AgentStatus StatusIn(AgentState state, DateTime before) => new()
    {
        UserId = Guid.NewGuid(),
        State = state,
        Reason = state == AgentState.Break ? "coffee" : null,
        Since = before,
        WrapUpUntil = state == AgentState.WrapUp ? before.AddSeconds(30) : null,
        Version = 4,
        UpdatedAt = before,
    };
}
